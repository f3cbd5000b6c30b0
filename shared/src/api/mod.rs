//! The API's endpoints, each declared once: its method, its path, the fields of the path, the JSON it is
//! sent and the JSON it answers. The backend documents and routes each handler at its endpoint's `PATH`
//! (and a test holds the OpenAPI document to these declarations); the frontend calls an endpoint by
//! value, so a path or a type cannot differ between the two sides.

pub mod accounts;
pub mod addresses;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod certificates;
pub mod complaints;
pub mod consultations;
pub mod dashboards;
pub mod enterprises;
pub mod flagship;
pub mod gallery;
pub mod health;
pub mod idm;
pub mod images;
pub mod inquiries;
pub mod moderation;
pub mod news;
pub mod notifications;
pub mod officials;
pub mod orders;
pub mod producer_ledger;
pub mod products;
pub mod push;
pub mod regions;
pub mod reviews;
pub mod shops;
pub mod village_map;
pub mod villages;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The HTTP methods the API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// The method as OpenAPI writes it (`get`, `post`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
            Method::Put => "put",
            Method::Patch => "patch",
            Method::Delete => "delete",
        }
    }
}

/// One endpoint of the API. A value of it holds the path's fields (a shop's id, a village's slug…).
pub trait Endpoint {
    const METHOD: Method;
    /// The path as axum routes it and OpenAPI documents it, its fields in braces.
    const PATH: &'static str;
    /// The JSON the request carries: `()` for none, [`Picture`] for a picture's own bytes.
    type Body;
    /// The JSON of a successful answer: `()` for an answer without a body (204), [`Download`] for a
    /// file the browser saves.
    type Answer;

    /// The path with this value's fields filled in, each escaped as one segment.
    fn path(&self) -> String;
}

/// A request whose body is a picture's own bytes (JPEG, PNG or WebP), not JSON.
#[derive(Clone, Copy, Debug)]
pub struct Picture;

/// An answer that is a file to save (CSV, XLSX), which the browser fetches by following a link.
#[derive(Clone, Copy, Debug)]
pub struct Download;

/// What a path segment keeps unescaped: the characters of a slug (dots stay escaped, so `..` cannot
/// climb out of the segment).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// A value that fills one field of a path.
pub trait Segment {
    fn segment(&self) -> String;
}

impl Segment for String {
    fn segment(&self) -> String {
        utf8_percent_encode(self, SEGMENT).to_string()
    }
}

macro_rules! number_segments {
    ($($number:ty),*) => {$(
        impl Segment for $number {
            fn segment(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
number_segments!(i32, i64, u32);

/// An endpoint as the OpenAPI document sees it, for the test that holds the two together.
#[derive(Clone, Copy, Debug)]
pub struct Declared {
    pub method: Method,
    pub path: &'static str,
    /// The path's fields, in their order in the path.
    pub fields: &'static [&'static str],
    /// The Rust names of the body's and the answer's types.
    pub body: fn() -> &'static str,
    pub answer: fn() -> &'static str,
}

impl Declared {
    pub const fn of<E: Endpoint>(fields: &'static [&'static str]) -> Declared {
        Declared {
            method: E::METHOD,
            path: E::PATH,
            fields,
            body: std::any::type_name::<E::Body>,
            answer: std::any::type_name::<E::Answer>,
        }
    }
}

/// Declares endpoints and the module's list of them, `ALL`:
///
/// ```text
/// /// What it does.
/// Name { field: Type, … }: method "/api/v1/path/{field}", body BodyType => AnswerType;
/// ```
///
/// The fields (in braces, or `{}` for none) are the path's, named as in the path; the body is left out
/// when the request carries none, and the answer is `()` when it has no body.
macro_rules! endpoints {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $field_type:ty),* $(,)? } : $method:ident $path:literal
            $(, body $body:ty)? => $answer:ty;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Clone, Debug, PartialEq)]
            pub struct $name {
                $(pub $field: $field_type),*
            }

            impl $crate::api::Endpoint for $name {
                const METHOD: $crate::api::Method = endpoints!(@method $method);
                const PATH: &'static str = $path;
                type Body = endpoints!(@body $($body)?);
                type Answer = $answer;

                fn path(&self) -> String {
                    format!($path $(, $field = $crate::api::Segment::segment(&self.$field))*)
                }
            }
        )*

        /// Every endpoint declared here.
        pub const ALL: &[$crate::api::Declared] =
            &[$($crate::api::Declared::of::<$name>(&[$(stringify!($field)),*])),*];
    };
    (@method get) => { $crate::api::Method::Get };
    (@method post) => { $crate::api::Method::Post };
    (@method put) => { $crate::api::Method::Put };
    (@method patch) => { $crate::api::Method::Patch };
    (@method delete) => { $crate::api::Method::Delete };
    (@body) => { () };
    (@body $body:ty) => { $body };
}
use endpoints;

/// Every endpoint of the API.
pub fn all() -> impl Iterator<Item = &'static Declared> {
    [
        accounts::ALL,
        addresses::ALL,
        admin::ALL,
        cart::ALL,
        catalog::ALL,
        certificates::ALL,
        complaints::ALL,
        consultations::ALL,
        dashboards::ALL,
        enterprises::ALL,
        flagship::ALL,
        gallery::ALL,
        health::ALL,
        idm::ALL,
        images::ALL,
        inquiries::ALL,
        moderation::ALL,
        news::ALL,
        notifications::ALL,
        officials::ALL,
        orders::ALL,
        producer_ledger::ALL,
        products::ALL,
        push::ALL,
        regions::ALL,
        reviews::ALL,
        shops::ALL,
        village_map::ALL,
        villages::ALL,
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_escapes_paths() {
        assert_eq!(accounts::EndSession { id: 12 }.path(), "/api/v1/me/sessions/12");
        assert_eq!(accounts::SignUp {}.path(), "/api/v1/auth/sign-up");
        assert_eq!("a/b?c".to_string().segment(), "a%2Fb%3Fc");
        assert_eq!("..".to_string().segment(), "%2E%2E");
        assert_eq!("panen raya".to_string().segment(), "panen%20raya");
    }

    #[test]
    fn lists_every_endpoint_once() {
        let mut seen: Vec<(&str, &str)> = all().map(|e| (e.path, e.method.as_str())).collect();
        let count = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), count, "an endpoint is declared twice");
        let end = all().find(|e| e.path == "/api/v1/me/sessions/{id}").unwrap();
        assert_eq!(end.fields, ["id"]);
        assert_eq!((end.body)(), "()");
    }
}
