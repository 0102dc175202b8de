//! Reading the CoNLL-2003 and OntoNotes BIO files of `../shared/data` exactly as
//! `../shared/eval/bio_to_docs.py` reads them, for `annotate eval` and both trainers.
//!
//! Documents are split at `-DOCSTART-`, a sentence's tokens are joined by single spaces and sentences by
//! `\n`, treebank escapes are undone ([`super::unescape_treebank`]), and the entity spans come from the last
//! column by [`super::bio_spans`]. Lines are read as Python's text mode reads them (`\r\n`, `\r` and `\n`
//! end a line) and split as `str.split()` splits them.

/// One document of a BIO file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BioDoc<'a> {
    /// The tokens joined by spaces, sentences by `\n`.
    pub text: String,
    /// Gold spans as `(start, end, type)`: UTF-8 byte offsets into `text`, the corpus's own type
    /// (`PER`, `GPE`, `CARDINAL`, ...).
    pub spans: Vec<(usize, usize, &'a str)>,
}

/// The documents of a CoNLL-2003 (space-separated) or OntoNotes (tab-separated) BIO file.
///
/// ```
/// use article_annotator::text::corpus::bio_documents;
/// let file = "-DOCSTART- -X- O O\n\nAngela NNP B-PER\nMerkel NNP I-PER\n-LRB- ( O\n\nBerlin NNP B-LOC\n";
/// let docs = bio_documents(file);
/// assert_eq!(docs[0].text, "Angela Merkel (\nBerlin");
/// assert_eq!(docs[0].spans, [(0, 13, "PER"), (16, 22, "LOC")]);
/// ```
pub fn bio_documents(content: &str) -> Vec<BioDoc<'_>> {
    fn end_sentence<'a>(doc: &mut BioDoc<'a>, sentence: &mut Vec<(usize, usize, &'a str)>) {
        if !sentence.is_empty() {
            doc.spans.extend(super::bio_spans(std::mem::take(sentence)));
        }
    }
    let mut docs = Vec::new();
    let mut doc = BioDoc {
        text: String::new(),
        spans: Vec::new(),
    };
    let mut sentence: Vec<(usize, usize, &str)> = Vec::new();
    for line in py_lines(content) {
        if py_strip(line).is_empty() {
            end_sentence(&mut doc, &mut sentence);
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(py_isspace).filter(|c| !c.is_empty()).collect()
        };
        if cols[0] == "-DOCSTART-" {
            end_sentence(&mut doc, &mut sentence);
            if !doc.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    BioDoc {
                        text: String::new(),
                        spans: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if !sentence.is_empty() {
            doc.text.push(' ');
        } else if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        let start = doc.text.len();
        doc.text.push_str(super::unescape_treebank(cols[0]));
        sentence.push((start, doc.text.len(), cols[cols.len() - 1]));
    }
    end_sentence(&mut doc, &mut sentence);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Python's `str.isspace()`: Rust's `char::is_whitespace` plus the four information separators.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// The lines of a file read in Python's text mode (universal newlines: `\r\n`, `\r` and `\n` end a line).
pub fn py_lines(content: &str) -> impl Iterator<Item = &str> {
    let mut rest = content;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_sentences_and_line_ends() {
        let file = "a\tO\r\nb\tB-ORG\rc\tI-ORG\n\n-DOCSTART-\tO\n\nd\tB-GPE\n";
        let docs = bio_documents(file);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "a b c");
        assert_eq!(docs[0].spans, [(2, 5, "ORG")]);
        assert_eq!(docs[1].text, "d");
        assert_eq!(docs[1].spans, [(0, 1, "GPE")]);
    }

    #[test]
    fn universal_newlines() {
        let lines: Vec<&str> = py_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
    }

    #[test]
    fn empty_and_blank_files_have_no_documents() {
        assert!(bio_documents("").is_empty());
        assert!(bio_documents("\n \n-DOCSTART- -X- O O\n\n").is_empty());
    }
}
