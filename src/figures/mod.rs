//! Figures: numbers, money, percentages, quantities, dates, times and ordinals, found with rules, each with
//! its normalised value.
//!
//! # Why rules
//!
//! Figures are written in a small closed language (`More than 2,000`, `$4.5bn`, `early January`, `3 p.m.`),
//! so hand-written rules find them as well as a statistical model does, explain their mistakes, and produce
//! the normalised value that a model would not. The spans follow OntoNotes 5 conventions (GUIDE section 1):
//! qualifiers are part of the span (`at least 12,000`), `the` is part of some dates (`the past five years`),
//! periods are DATEs (`nearly three decades`), durations under a day are TIMEs (`two hours`).
//!
//! # How
//!
//! One pass over the tokens of [`Document`]: at each token the rules in [`rules`] try to read a figure that
//! starts there (a date phrase, or an optional qualifier, a number and what follows it: a currency, `%`, a
//! unit, a calendar or clock unit, a month); the longest reading wins and the scan continues after it. Each
//! attempt looks ahead a bounded number of tokens, so the pass is linear in the text. Digit tokens are
//! classified by small hand-written byte scanners (see [`numbers`]), which keeps the WebAssembly module small.

mod calendar;
pub mod extra;
pub mod filter;
pub(crate) mod lexicon;
mod numbers;
pub(crate) mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::text::Document;
use crate::{Entity, Options};

/// Finds the figures of a document, sorted by start and not overlapping one another.
///
/// ```
/// use article_annotator::{figures, text::Document, Label, Options, Value};
/// let doc = Document::new("Turnout rose 12% to 3.5 million on January 6.");
/// let found = figures::find(&doc, &Options::default());
/// let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
/// assert_eq!(texts, ["12%", "3.5 million", "January 6"]);
/// assert_eq!(found[0].value, Some(Value::Percent { percent: 12.0, to: None }));
/// assert_eq!(found[2].label, Label::Date);
/// ```
pub fn find(doc: &Document<'_>, options: &Options) -> Vec<Entity> {
    tidied(filter::apply(
        filter::shipped(),
        doc,
        candidates(doc, options),
    ))
}

/// The figures the rules read, each with the fixed score of its rule family.
pub fn rules_only(doc: &Document<'_>, options: &Options) -> Vec<Entity> {
    tidied(rules::Scanner::new(doc, options.document_date).run())
}

/// Figures with their values rounded as written ([`crate::Value::tidied`]).
fn tidied(mut found: Vec<Entity>) -> Vec<Entity> {
    for e in &mut found {
        e.value = e.value.take().map(crate::Value::tidied);
    }
    found
}

/// The candidates the learned filter ([`filter`]) judges: the rules' readings plus the extras of [`extra`]
/// (sorted by start; they may overlap).
pub fn candidates(doc: &Document<'_>, options: &Options) -> Vec<extra::Candidate> {
    let scanner = rules::Scanner::new(doc, options.document_date);
    let (rules, parts) = scanner.run_with_parts();
    extra::expand(doc, rules, parts, &scanner)
}
