//! Parse, don't validate: a request body becomes a [`Valid`] form only by passing its checks, carrying
//! what they read from it in better types (a `Phone` for a WhatsApp number), so what takes one needs no
//! check of its own and cannot be handed one that was never checked.

use std::ops::Deref;

use crate::FieldError;

/// A form a person fills in and a server checks: [`Form::check`] says what is wrong with it field by
/// field, or what its fields mean; [`Form::parse`] turns it into a [`Valid`] form.
pub trait Form: Sized {
    /// What the form is checked against that is not in it: `()` for most; today's date for a date that may
    /// not be past, the order an action is made on…
    type Context: ?Sized;
    /// What its fields mean once they are valid, in better types (a `Phone`, a `RegionCode`); `()` for a
    /// form whose fields are used as they are.
    type Parsed;

    /// What its fields mean, or what is wrong with them field by field (never an empty list).
    fn check(&self, context: &Self::Context) -> Result<Self::Parsed, Vec<FieldError>>;

    /// The form as checked, or what is wrong with it.
    fn parse(self) -> Result<Valid<Self>, Vec<FieldError>>
    where
        Self: Form<Context = ()>,
    {
        self.parse_in(&())
    }

    /// The form as checked against `context`, or what is wrong with it.
    fn parse_in(self, context: &Self::Context) -> Result<Valid<Self>, Vec<FieldError>> {
        let parsed = self.check(context)?;
        Ok(Valid { form: self, parsed })
    }

    /// What is wrong with the form (empty when nothing is): what a page shows before sending it.
    fn problems(&self, context: &Self::Context) -> Vec<FieldError> {
        self.check(context).err().unwrap_or_default()
    }
}

/// A form that passed its checks, with what they read from it: only [`Form::parse`] and
/// [`Form::parse_in`] make one. It reads as the form itself; [`Valid::parsed`] gives the typed values.
#[derive(Clone, Debug, PartialEq)]
pub struct Valid<T: Form> {
    form: T,
    parsed: T::Parsed,
}

impl<T: Form> Valid<T> {
    /// What the checks read from the form: the phone number as a `Phone`…
    pub fn parsed(&self) -> &T::Parsed {
        &self.parsed
    }

    /// The form as it was sent.
    pub fn into_inner(self) -> T {
        self.form
    }

    /// The form as it was sent, and what its checks read from it.
    pub fn into_parts(self) -> (T, T::Parsed) {
        (self.form, self.parsed)
    }
}

impl<T: Form> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.form
    }
}

/// `Ok` when nothing is wrong, else what is: the end of a check that only finds fault.
pub fn checked(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// What a check read, when nothing is wrong (`read` is `None` only when something is).
pub fn parsed<T>(read: Option<T>, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    match read {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

/// The value `result` read for `field`, or `None` with its error added to `errors`.
pub fn field<T, E: std::fmt::Display>(field: &str, result: Result<T, E>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(FieldError::new(field, e.to_string()))).ok()
}

/// `errors` of a form nested in another, named as fields of the outer one: `whatsapp` becomes
/// `address.whatsapp` under the prefix `address.`.
pub fn nested(prefix: &str, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors.into_iter().map(|e| FieldError { field: format!("{prefix}{}", e.field), message: e.message }).collect()
}

/// Forms whose fields are used as they are, checked by their own `validate` (which the pages call too).
macro_rules! plain_forms {
    ($($form:ty),* $(,)?) => {$(
        impl Form for $form {
            type Context = ();
            type Parsed = ();

            fn check(&self, _: &()) -> Result<(), Vec<FieldError>> {
                checked(self.validate())
            }
        }
    )*};
}

plain_forms!(
    crate::review::ReviewForm,
    crate::review::ReplyForm,
    crate::complaint::ComplaintForm,
    crate::complaint::RefundForm,
    crate::complaint_flow::ComplaintAction,
    crate::NewsForm,
    crate::ProductForm,
    crate::product::Moderation,
    crate::shop::NewProducer,
    crate::shop::Rejection,
    crate::AlbumForm,
    crate::PhotoForm,
    crate::OfficialForm,
    crate::FlagshipForm,
    crate::consultation::NewConsultation,
    crate::consultation::Reply,
    crate::consultation::FaqForm,
    crate::inquiry::InquiryStatusChange,
    crate::producer_ledger::TermsForm,
    crate::producer_ledger::PayoutForm,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NewsForm, NewsStatus};

    #[test]
    fn only_a_form_without_problems_parses() {
        let draft = NewsForm { title: "Panen raya".into(), ..NewsForm::default() };
        let valid = draft.clone().parse().unwrap();
        assert_eq!(valid.title, "Panen raya");
        assert_eq!(valid.into_inner(), draft);
        let empty = NewsForm { status: NewsStatus::Published, ..draft };
        let errors = empty.clone().parse().unwrap_err();
        assert_eq!(errors, empty.validate());
        assert_eq!(empty.problems(&()), errors);
    }

    #[test]
    fn nested_errors_are_named_under_the_outer_field() {
        let errors = nested("address.", vec![FieldError::new("whatsapp", "Salah.")]);
        assert_eq!(errors, [FieldError::new("address.whatsapp", "Salah.")]);
    }
}
