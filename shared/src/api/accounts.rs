//! Accounts: signing up, in and out, reset links, and the signed-in user's own account and sessions.

use super::endpoints;
use crate::account::{
    Me, PasswordChange, PasswordReset, ProfileUpdate, ResetInfo, ResetLookup, SessionInfo, SessionState,
};

endpoints! {
    /// Creates an account and signs it in. Sign-ups are limited per client address (429): each costs a password hash,
    /// and each answers whether a number is registered.
    SignUp {}: post "/api/v1/auth/sign-up", body crate::account::SignUp => Me;
    /// Signs in by phone number or e-mail. Failures are limited per account and address, per account and per address,
    /// apart from those of a browser that has signed in to the account before, which has a limit of its own (so
    /// strangers cannot lock the owner out); the answer never tells whether the account exists.
    SignIn {}: post "/api/v1/auth/sign-in", body crate::account::SignIn => Me;
    /// Ends this session on the server and removes the cookie.
    SignOut {}: post "/api/v1/auth/sign-out" => ();
    /// The signed-in user, their roles and shops; 401 when nobody is signed in.
    MyAccount {}: get "/api/v1/me" => Me;
    /// Who is signed in, if anyone: 200 with `user: null` for nobody, so pages can ask without an error.
    Session {}: get "/api/v1/auth/session" => SessionState;
    /// Changes the name and e-mail address.
    UpdateProfile {}: patch "/api/v1/me", body ProfileUpdate => Me;
    /// Changes the password; every other session of the account ends, this one stays.
    ChangePassword {}: put "/api/v1/me/password", body PasswordChange => ();
    /// The devices the user is signed in on, most recently used first.
    Sessions {}: get "/api/v1/me/sessions" => Vec<SessionInfo>;
    /// Signs out everywhere: every session of the account ends, this one included.
    SignOutEverywhere {}: delete "/api/v1/me/sessions" => ();
    /// Ends one of the user's sessions (another device); only the user's own.
    EndSession { id: i64 }: delete "/api/v1/me/sessions/{id}" => ();
    /// Whose link this is, so the page can greet them before they choose a password. The token travels in the body (the
    /// page keeps it in the address's `#` fragment), never in a path or query a log could keep.
    ResetLinkInfo {}: post "/api/v1/auth/reset/info", body ResetLookup => ResetInfo;
    /// Sets a new password with a reset link, ends every other session of the account, forgets its known browsers
    /// (whoever knew the old password loses their way past strangers' limits), and signs in.
    ResetPassword {}: post "/api/v1/auth/reset", body PasswordReset => Me;
}
