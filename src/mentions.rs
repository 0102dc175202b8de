//! Putting names and figures together: overlaps resolved, mentions of one thing grouped.

use crate::text::Document;
use crate::Entity;

/// Merges the names and the figures of a document into one sorted, non-overlapping list.
///
/// Where a name and a figure overlap, the longer span wins (`247 News Agency` is an ORG, not a NUMBER followed
/// by words); on equal length the name wins.
pub fn resolve(doc: &Document<'_>, names: Vec<Entity>, figures: Vec<Entity>) -> Vec<Entity> {
    let _ = doc;
    let mut all: Vec<Entity> = names.into_iter().chain(figures).collect();
    // Longest first, names before figures, then by position, so a greedy pass keeps the preferred spans.
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.label.is_name().cmp(&a.label.is_name()))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Entity> = Vec::with_capacity(all.len());
    let mut taken: Vec<(usize, usize)> = Vec::new(); // sorted, disjoint intervals
    for e in all {
        let i = taken.partition_point(|&(_, end)| end <= e.start);
        let free = taken.get(i).map_or(true, |&(start, _)| start >= e.end);
        if free && e.start < e.end {
            taken.insert(i, (e.start, e.end));
            kept.push(e);
        }
    }
    kept.sort_by_key(|e| e.start);
    kept
}
