//! The crate's error type.

/// Everything that can go wrong in the core's public API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A document date that is not a valid `YYYY-MM-DD` date.
    InvalidDate(String),
    /// A label name that is not one of GUIDE section 1's labels.
    UnknownLabel(String),
    /// An offset unit other than `utf8`, `utf16` or `codepoint`.
    UnknownOffsetUnit(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidDate(s) => write!(f, "invalid date {s:?}: expected YYYY-MM-DD, e.g. 2022-01-19"),
            Error::UnknownLabel(s) => write!(
                f,
                "unknown label {s:?}: expected one of PERSON, PLACE, ORG, MISC, NUMBER, MONEY, PERCENT, QUANTITY, DATE, TIME, ORDINAL"
            ),
            Error::UnknownOffsetUnit(s) => {
                write!(f, "unknown offset unit {s:?}: expected utf8, utf16 or codepoint")
            }
        }
    }
}

impl std::error::Error for Error {}
