//! Figures: numbers, money, percentages, quantities, dates, times and ordinals, found with rules, each with
//! its normalised value.

use crate::text::Document;
use crate::{Entity, Options};

/// Finds the figures of a document, sorted by start and not overlapping one another.
pub fn find(doc: &Document<'_>, options: &Options) -> Vec<Entity> {
    let _ = (doc, options);
    Vec::new()
}
