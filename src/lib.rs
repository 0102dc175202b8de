//! # article-annotator
//!
//! Finds the named things (people, places, organisations, other names) and the figures (numbers, money,
//! percentages, quantities, dates, times, ordinals) in a news article, entirely on the reader's machine.
//!
//! The core is a pipeline of small steps over one document, each in its own module:
//!
//! 1. [`text`] splits the input into tokens and sentences with exact byte offsets;
//! 2. [`figures`] finds figures with hand-written rules and normalises their values;
//! 3. [`names`] tags names with a trained sequence model;
//! 4. [`mentions`] resolves overlaps, keeps labels consistent across the document and groups mentions of one
//!    real-world thing.
//!
//! Everything works in UTF-8 byte offsets; [`text::offsets`] converts them to UTF-16 code units (JavaScript
//! string indices) or Unicode code points (Python string indices) at the boundary.
//!
//! ```
//! use article_annotator::{annotate, Label, Options};
//! let entities = annotate("More than 2,000 soldiers arrived on January 6.", &Options::default());
//! assert!(entities.iter().any(|e| e.label == Label::Number && e.text == "More than 2,000"));
//! ```
#![warn(missing_docs)]

pub mod figures;
pub mod mentions;
pub mod names;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

mod entity;
mod error;

pub use entity::{Approx, Entity, Label, Value};
pub use error::Error;
pub use text::offsets::OffsetUnit;

/// A calendar date, used as the document's date to resolve relative dates (`last year`, `Wednesday`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The year, e.g. 2022.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

impl CivilDate {
    /// Parses `YYYY-MM-DD`, checking that the day exists in that month.
    ///
    /// ```
    /// use article_annotator::CivilDate;
    /// assert!(CivilDate::parse("2022-01-19").is_ok());
    /// assert!(CivilDate::parse("2022-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<CivilDate, Error> {
        let bad = || Error::InvalidDate(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u32 = parts[1].parse().map_err(|_| bad())?;
        let day: u32 = parts[2].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        Ok(CivilDate { year, month, day })
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// What to annotate and how.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only return entities with these labels; `None` returns every label.
    pub labels: Option<Vec<Label>>,
    /// The date the article was written, to resolve weekdays and relative dates to ISO dates.
    pub document_date: Option<CivilDate>,
}

impl Options {
    /// Whether entities with `label` are asked for.
    pub fn wants(&self, label: Label) -> bool {
        self.labels.as_ref().map_or(true, |ls| ls.contains(&label))
    }
}

/// Annotates `text` and returns its entities sorted by `start`, never overlapping, in UTF-8 byte offsets.
pub fn annotate(text: &str, options: &Options) -> Vec<Entity> {
    let doc = text::Document::new(text);
    let figures = figures::find(&doc, options);
    let names = names::tag(&doc);
    let mut entities = mentions::resolve(&doc, names, figures);
    entities.retain(|e| options.wants(e.label));
    entities
}
