//! Offset conversion between UTF-8 bytes (the core's unit), UTF-16 code units (JavaScript string indices) and
//! Unicode code points (Python string indices).
//!
//! Conversion happens once, at the boundary, in one pass over the text: entities come sorted and never overlap,
//! so their offsets form a non-decreasing sequence and a single forward walk converts them all in
//! `O(text + entities)` time without a per-character table.

use crate::{Entity, Error};

/// The unit that offsets are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust string indices).
    Utf8,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Unicode code points (Python string indices).
    #[default]
    Codepoint,
}

impl OffsetUnit {
    /// Parses `utf8`, `utf16` or `codepoint` (also `bytes`, `js`, `char`).
    pub fn parse(s: &str) -> Result<OffsetUnit, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" | "byte" | "bytes" => Ok(OffsetUnit::Utf8),
            "utf16" | "utf-16" | "js" | "javascript" => Ok(OffsetUnit::Utf16),
            "codepoint" | "codepoints" | "char" | "chars" | "python" => Ok(OffsetUnit::Codepoint),
            _ => Err(Error::UnknownOffsetUnit(s.to_string())),
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            OffsetUnit::Utf8 => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Codepoint => 1,
        }
    }
}

/// Converts non-decreasing byte offsets of `text` to `unit`, in one pass.
///
/// Every offset must lie on a character boundary of `text`.
///
/// ```
/// use article_annotator::text::offsets::{convert_sorted, OffsetUnit};
/// let text = "😀 Kazakhstan";
/// assert_eq!(convert_sorted(text, &[5, 15], OffsetUnit::Utf16), [3, 13]);
/// assert_eq!(convert_sorted(text, &[5, 15], OffsetUnit::Codepoint), [2, 12]);
/// ```
pub fn convert_sorted(text: &str, byte_offsets: &[usize], unit: OffsetUnit) -> Vec<usize> {
    let mut out = Vec::with_capacity(byte_offsets.len());
    if unit == OffsetUnit::Utf8 {
        out.extend_from_slice(byte_offsets);
        return out;
    }
    let bytes = text.as_bytes();
    let mut counted = 0usize; // offset in `unit` of the byte position `pos`
    let mut pos = 0usize; // always on a character boundary
    for &target in byte_offsets {
        debug_assert!(target >= pos, "offsets must be non-decreasing");
        let target = target.min(text.len());
        if target > pos {
            if bytes[pos..target].is_ascii() {
                // One unit a byte in every unit: the common case, checked a word at a time.
                counted += target - pos;
                pos = target;
            } else {
                for c in text[pos..].chars() {
                    if pos >= target {
                        break;
                    }
                    counted += unit.width(c);
                    pos += c.len_utf8();
                }
            }
        }
        out.push(counted);
    }
    out
}

/// Rewrites the byte offsets of sorted, non-overlapping entities of `text` into `unit`.
pub fn entities_to_unit(text: &str, entities: &mut [Entity], unit: OffsetUnit) {
    if unit == OffsetUnit::Utf8 {
        return;
    }
    let flat: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    let converted = convert_sorted(text, &flat, unit);
    for (e, pair) in entities.iter_mut().zip(converted.chunks_exact(2)) {
        e.start = pair[0];
        e.end = pair[1];
    }
}

/// The length of `text` in `unit`.
pub fn len_in(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => text.len(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
        OffsetUnit::Codepoint => text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_astral_and_accented_text() {
        let text = "a👩‍👩‍👧é b";
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let u16s = convert_sorted(text, &bytes, OffsetUnit::Utf16);
        let cps = convert_sorted(text, &bytes, OffsetUnit::Codepoint);
        for (k, &b) in bytes.iter().enumerate() {
            assert_eq!(u16s[k], text[..b].encode_utf16().count());
            assert_eq!(cps[k], text[..b].chars().count());
        }
    }

    #[test]
    fn parses_units() {
        assert_eq!(OffsetUnit::parse("UTF16").unwrap(), OffsetUnit::Utf16);
        assert!(OffsetUnit::parse("furlongs").is_err());
    }
}
