//! `annotate eval`: reading gold files and scoring predictions, exactly as `../shared/eval/` does.
//!
//! Two Python scripts define the numbers the project reports: `bio_to_docs.py` turns a CoNLL-2003 or
//! OntoNotes BIO file into documents (tokens joined by single spaces, sentences by `\n`, offsets in code
//! points) and `score.py` scores exact spans. This module re-implements both so that `annotate eval` needs no
//! Python, and its tests check that the two agree to the last digit (rounding included).

use article_annotator::text::corpus;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The labels that make up the `names` group of `score.py`.
pub const NAMES: [&str; 3] = ["PERSON", "PLACE", "ORG"];
/// The figure labels of `score.py`.
pub const FIGURES: [&str; 7] = [
    "NUMBER", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL",
];

/// The kind of gold file, detected from its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldFormat {
    /// Space-separated CoNLL-2003 columns.
    Conll2003,
    /// Tab-separated OntoNotes BIO columns.
    OntoNotesBio,
    /// JSON lines with `id`, `text` and `entities`.
    Jsonl,
}

impl GoldFormat {
    /// A name for reports.
    pub fn name(self) -> &'static str {
        match self {
            GoldFormat::Conll2003 => "CoNLL-2003 columns",
            GoldFormat::OntoNotesBio => "OntoNotes BIO (tab-separated)",
            GoldFormat::Jsonl => "gold JSONL",
        }
    }
}

/// A span as `score.py` compares them: start, end (code points) and label.
pub type Span = (i64, i64, String);

/// One gold document.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// The document's id as written.
    pub id: Value,
    /// The text to annotate.
    pub text: String,
    /// The gold entities, as JSON objects (`start`, `end`, `label`, `text`).
    pub entities: Vec<Value>,
}

/// Reads a gold file, detecting its format. Documents with the same id keep the first one's place and the
/// last one's content, as `score.py`'s dictionary does.
///
/// Refuses, with a message naming the file, what would otherwise be scored as nonsense: a file that is neither
/// JSONL nor BIO columns (a plain article, say), a file without documents, and gold JSONL entities whose offsets
/// are not code points inside their text.
pub fn read_gold(name: &str, content: &str) -> Result<(GoldFormat, Vec<GoldDoc>), String> {
    let first = content
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let no_documents = || {
        format!("{name}: no documents (the file is empty or holds only blank and -DOCSTART- lines)")
    };
    if first.starts_with('{') {
        let docs = read_docs_jsonl(content, true).map_err(|e| format!("{name}: {e}"))?;
        for d in &docs {
            check_gold_offsets(d).map_err(|e| format!("{name}: document {}: {e}", d.id))?;
        }
        if docs.is_empty() {
            return Err(no_documents());
        }
        return Ok((GoldFormat::Jsonl, docs));
    }
    let format = if first.contains('\t') {
        GoldFormat::OntoNotesBio
    } else {
        GoldFormat::Conll2003
    };
    check_bio_columns(content).map_err(|e| format!("{name}: {e}"))?;
    let prefix = name.rsplit('/').next().unwrap_or(name);
    let docs = bio_to_docs(content, prefix);
    if docs.is_empty() {
        return Err(no_documents());
    }
    Ok((format, docs))
}

/// True for a BIO tag as the readers understand it: `O`, or a prefix (`B`, `I`, `E`, `S`, or BILOU's `L`, `U`),
/// a hyphen and a type (`B-PER`, `I-WORK_OF_ART`).
fn is_bio_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    match tag.split_once('-') {
        Some((pre, typ)) => {
            matches!(pre, "B" | "I" | "E" | "S" | "L" | "U")
                && !typ.is_empty()
                && !typ.chars().any(corpus::py_isspace)
        }
        None => false,
    }
}

/// Checks that every line of a file read as CoNLL-2003 or OntoNotes columns is blank, a `-DOCSTART-` line, or
/// a token followed by columns whose last is a BIO tag (split as [`corpus::bio_documents`] splits them).
pub fn check_bio_columns(content: &str) -> Result<(), String> {
    for (n, line) in corpus::py_lines(content).enumerate() {
        if corpus::py_strip(line).is_empty() {
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(corpus::py_isspace)
                .filter(|c| !c.is_empty())
                .collect()
        };
        if cols[0] == "-DOCSTART-" {
            continue;
        }
        let tag = cols[cols.len() - 1];
        if cols.len() < 2 || !is_bio_tag(tag) {
            let shown: String = line.chars().take(60).collect();
            let more = if shown.len() < line.len() { "..." } else { "" };
            return Err(format!(
                "line {}: not CoNLL-2003 or OntoNotes BIO columns (a token, then columns ending in a tag such as \
                 O, B-PER, I-ORG, E-LOC or S-MISC), nor gold JSONL: {shown:?}{more}",
                n + 1
            ));
        }
    }
    Ok(())
}

/// Checks that a gold JSONL document's entities lie inside its text, in code points, and, where an entity gives
/// its `text`, that the offsets select exactly that text (offsets in another unit, UTF-8 bytes or UTF-16, fail
/// here rather than score as misses).
pub fn check_gold_offsets(doc: &GoldDoc) -> Result<(), String> {
    let chars: Vec<(usize, char)> = doc.text.char_indices().collect();
    let len = chars.len() as i64;
    let byte_at = |cp: i64| chars.get(cp as usize).map_or(doc.text.len(), |&(b, _)| b);
    for e in &doc.entities {
        let (Some(start), Some(end)) = (
            e.get("start").and_then(Value::as_i64),
            e.get("end").and_then(Value::as_i64),
        ) else {
            return Err(format!("an entity without integer start and end: {e}"));
        };
        if start < 0 || end > len || start >= end {
            return Err(format!(
                "entity {e}: offsets {start}..{end} are not a span inside the text ({len} code points; gold \
                 offsets are code points, end exclusive)"
            ));
        }
        if let Some(want) = e.get("text").and_then(Value::as_str) {
            let got = &doc.text[byte_at(start)..byte_at(end)];
            if got != want {
                return Err(format!(
                    "entity {e}: the text at code points {start}..{end} is {got:?}, not its \"text\" (gold offsets \
                     are code points, end exclusive)"
                ));
            }
        }
    }
    Ok(())
}

/// Reads `{"id", "text"?, "entities"}` lines, the last of equal ids winning (in the first one's place).
pub fn read_docs_jsonl(content: &str, need_text: bool) -> Result<Vec<GoldDoc>, String> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in corpus::py_lines(content).enumerate() {
        let line = corpus::py_strip(line);
        if line.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let id = v
            .get("id")
            .cloned()
            .ok_or_else(|| format!("line {}: no \"id\"", n + 1))?;
        let entities = match v.get("entities") {
            Some(Value::Array(a)) => a.clone(),
            _ => return Err(format!("line {}: no \"entities\" array", n + 1)),
        };
        let text = match v.get("text") {
            Some(Value::String(s)) => s.clone(),
            _ if need_text => {
                return Err(format!("line {}: no string \"text\" to annotate", n + 1))
            }
            _ => String::new(),
        };
        let doc = GoldDoc {
            id: id.clone(),
            text,
            entities,
        };
        match index.get(&id.to_string()) {
            Some(&i) => docs[i] = doc,
            None => {
                index.insert(id.to_string(), docs.len());
                docs.push(doc);
            }
        }
    }
    Ok(docs)
}

/// Corpus labels to product labels, as `bio_to_docs.py`'s `MAP` (unknown labels pass through).
pub fn map_label(t: &str) -> &str {
    match t {
        "PER" | "PERSON" => "PERSON",
        "LOC" | "GPE" | "FAC" => "PLACE",
        "ORG" => "ORG",
        "MISC" | "NORP" | "EVENT" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" => "MISC",
        "CARDINAL" => "NUMBER",
        "MONEY" | "PERCENT" | "QUANTITY" | "DATE" | "TIME" | "ORDINAL" => t,
        other => other,
    }
}

/// `bio_to_docs.py` in Rust ([`article_annotator::text::corpus`]), with code point offsets and labels
/// mapped to the product's, ids `{prefix}-{i:04}`.
pub fn bio_to_docs(content: &str, prefix: &str) -> Vec<GoldDoc> {
    corpus::bio_documents(content)
        .into_iter()
        .enumerate()
        .map(|(i, doc)| {
            // byte offset -> code point offset, at every character boundary
            let mut cp = vec![0usize; doc.text.len() + 1];
            for (n, (b, c)) in doc.text.char_indices().enumerate() {
                cp[b] = n;
                cp[b + c.len_utf8()] = n + 1;
            }
            let entities = doc
                .spans
                .iter()
                .map(|&(s, e, t)| {
                    serde_json::json!({"start": cp[s], "end": cp[e], "label": map_label(t), "text": &doc.text[s..e]})
                })
                .collect();
            GoldDoc { id: Value::String(format!("{prefix}-{i:04}")), text: doc.text, entities }
        })
        .collect()
}

/// Precision, recall and F1 as `score.py` prints them (rounded to 4 places like Python's `round`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// True positives.
    pub tp: u64,
    /// Predicted spans.
    pub pred: u64,
    /// Gold spans.
    pub gold: u64,
}

impl Prf {
    fn new(tp: u64, pred: u64, gold: u64) -> Prf {
        let p = if pred > 0 {
            tp as f64 / pred as f64
        } else {
            0.0
        };
        let r = if gold > 0 {
            tp as f64 / gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p: py_round4(p),
            r: py_round4(r),
            f1: py_round4(f),
            tp,
            pred,
            gold,
        }
    }
}

/// Python's `round(x, 4)`: the exact binary value rounded to 4 decimals, ties to even.
pub fn py_round4(x: f64) -> f64 {
    if !x.is_finite() || x < 0.0 {
        return format!("{x:.4}").parse().unwrap_or(x);
    }
    // An exact tie (5th decimal 5, nothing after it) has at most 5 decimals, so 40 digits show it exactly;
    // anything else is not a tie and `{:.4}` rounds the exact value correctly.
    let exact = format!("{x:.40}");
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let tie = frac.as_bytes().get(4) == Some(&b'5') && frac[5..].bytes().all(|b| b == b'0');
    if tie {
        let (Ok(i), Ok(d)) = (int.parse::<u128>(), frac[..4].parse::<u128>()) else {
            return x;
        };
        let mut n = i * 10_000 + d;
        if n % 2 == 1 {
            n += 1;
        }
        return format!("{}.{:04}", n / 10_000, n % 10_000)
            .parse()
            .unwrap_or(x);
    }
    format!("{x:.4}").parse().unwrap_or(x)
}

/// `score.py`'s JSON summary, field for field, in the same order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Gold documents.
    pub docs: u64,
    /// Gold documents without a prediction.
    pub docs_missing_in_pred: u64,
    /// Scores per label, sorted by label.
    pub per_label: BTreeMap<String, Prf>,
    /// PERSON + PLACE + ORG.
    pub names: Prf,
    /// Names plus MISC.
    pub names_misc: Prf,
    /// The figure labels, typed (present only when the gold has figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures_typed: Option<Prf>,
    /// The figure labels collapsed into one (present only when the gold has figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures_untyped: Option<Prf>,
}

/// The spans of one document's entities (JSON objects with `start`, `end`, `label`), as a set.
pub fn spans_of(entities: &[Value], collapse: bool) -> Result<HashSet<Span>, String> {
    let mut out = HashSet::with_capacity(entities.len());
    for e in entities {
        let start = e.get("start").and_then(Value::as_i64);
        let end = e.get("end").and_then(Value::as_i64);
        let label = e.get("label").and_then(Value::as_str);
        let (Some(start), Some(end), Some(label)) = (start, end, label) else {
            return Err(format!(
                "an entity without integer start/end and string label: {e}"
            ));
        };
        let label = if collapse && FIGURES.contains(&label) {
            "FIGURE"
        } else {
            label
        };
        out.insert((start, end, label.to_string()));
    }
    Ok(out)
}

#[derive(Default)]
struct Counts {
    tp: HashMap<String, u64>,
    pred: HashMap<String, u64>,
    gold: HashMap<String, u64>,
    missing: u64,
}

impl Counts {
    fn get(m: &HashMap<String, u64>, l: &str) -> u64 {
        m.get(l).copied().unwrap_or(0)
    }
    fn group(&self, labels: &[&str]) -> Prf {
        let sum = |m: &HashMap<String, u64>| labels.iter().map(|l| Counts::get(m, l)).sum();
        Prf::new(sum(&self.tp), sum(&self.pred), sum(&self.gold))
    }
}

fn count(
    gold: &[GoldDoc],
    pred: &HashMap<String, Vec<Value>>,
    collapse: bool,
) -> Result<Counts, String> {
    let mut c = Counts::default();
    for g in gold {
        let p = match pred.get(&g.id.to_string()) {
            Some(p) => p.as_slice(),
            None => {
                c.missing += 1;
                &[]
            }
        };
        let gs = spans_of(&g.entities, collapse).map_err(|e| format!("gold {}: {e}", g.id))?;
        let ps = spans_of(p, collapse).map_err(|e| format!("prediction {}: {e}", g.id))?;
        for s in &gs {
            *c.gold.entry(s.2.clone()).or_default() += 1;
        }
        for s in &ps {
            *c.pred.entry(s.2.clone()).or_default() += 1;
        }
        for s in gs.intersection(&ps) {
            *c.tp.entry(s.2.clone()).or_default() += 1;
        }
    }
    Ok(c)
}

/// Scores predictions (entities in code points, keyed by the id's JSON text) against gold, like `score.py`.
pub fn score(gold: &[GoldDoc], pred: &HashMap<String, Vec<Value>>) -> Result<Summary, String> {
    let c = count(gold, pred, false)?;
    let labels: std::collections::BTreeSet<&String> = c.gold.keys().chain(c.pred.keys()).collect();
    let per_label = labels
        .into_iter()
        .map(|l| {
            (
                l.clone(),
                Prf::new(
                    Counts::get(&c.tp, l),
                    Counts::get(&c.pred, l),
                    Counts::get(&c.gold, l),
                ),
            )
        })
        .collect();
    let names_misc: Vec<&str> = NAMES.iter().copied().chain(["MISC"]).collect();
    let has_figures = FIGURES.iter().any(|l| Counts::get(&c.gold, l) > 0);
    let (figures_typed, figures_untyped) = if has_figures {
        let u = count(gold, pred, true)?;
        (Some(c.group(&FIGURES)), Some(u.group(&["FIGURE"])))
    } else {
        (None, None)
    };
    Ok(Summary {
        docs: gold.len() as u64,
        docs_missing_in_pred: c.missing,
        per_label,
        names: c.group(&NAMES),
        names_misc: c.group(&names_misc),
        figures_typed,
        figures_untyped,
    })
}

/// The summary as `score.py` prints it (`json.dumps(out, indent=1)`).
pub fn to_score_py_json(s: &Summary) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buf,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    s.serialize(&mut ser).expect("a summary always serialises");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

fn rows(s: &Summary) -> Vec<(String, &Prf)> {
    let mut rows: Vec<(String, &Prf)> = s.per_label.iter().map(|(l, p)| (l.clone(), p)).collect();
    rows.push(("names (PERSON+PLACE+ORG)".into(), &s.names));
    rows.push(("names + MISC".into(), &s.names_misc));
    if let Some(p) = &s.figures_typed {
        rows.push(("figures, typed".into(), p));
    }
    if let Some(p) = &s.figures_untyped {
        rows.push(("figures, untyped".into(), p));
    }
    rows
}

/// A plain-text table for the terminal.
pub fn to_table(s: &Summary) -> String {
    let mut out = format!(
        "{:<26} {:>9} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
        "label", "precision", "recall", "F1", "tp", "pred", "gold"
    );
    for (name, p) in rows(s) {
        out.push_str(&format!(
            "{:<26} {:>9.4} {:>7.4} {:>7.4} {:>7} {:>7} {:>7}\n",
            name, p.p, p.r, p.f1, p.tp, p.pred, p.gold
        ));
    }
    out
}

/// A Markdown table for reports.
pub fn to_markdown(s: &Summary) -> String {
    let mut out = String::from("| label | precision | recall | F1 | tp | pred | gold |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (name, p) in rows(s) {
        let name = if name.contains(' ') {
            format!("**{name}**")
        } else {
            name
        };
        out.push_str(&format!(
            "| {} | {:.4} | {:.4} | {:.4} | {} | {} | {} |\n",
            name, p.p, p.r, p.f1, p.tp, p.pred, p.gold
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_python() {
        // round(0.03125, 4) == 0.0312 and round(0.00015, 4) == 0.0001 (0.00015 is slightly below the tie)
        assert_eq!(py_round4(0.03125), 0.0312);
        assert_eq!(py_round4(1.0 / 3.0), 0.3333);
        assert_eq!(py_round4(2.0 / 3.0), 0.6667);
        assert_eq!(py_round4(0.09375), 0.0938);
        assert_eq!(py_round4(0.00015), 0.0001);
        assert_eq!(py_round4(0.15625), 0.1562);
        assert_eq!(py_round4(0.0), 0.0);
        assert_eq!(py_round4(1.0), 1.0);
    }

    #[test]
    fn builds_documents_like_bio_to_docs() {
        let bio = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n\
                   Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n-LRB- ( O O\n\n-DOCSTART- -X- -X- O\n\nX NN O B-LOC\nY NN O B-LOC\n";
        let docs = bio_to_docs(bio, "f");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "f-0000");
        assert_eq!(docs[0].text, "EU rejects German\nPeter Blackburn (");
        let labels: Vec<(i64, i64, &str)> = docs[0]
            .entities
            .iter()
            .map(|e| {
                (
                    e["start"].as_i64().unwrap(),
                    e["end"].as_i64().unwrap(),
                    e["label"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            labels,
            [(0, 2, "ORG"), (11, 17, "MISC"), (18, 33, "PERSON")]
        );
        assert_eq!(
            docs[1].entities.len(),
            2,
            "B- starts a new entity of the same type"
        );
    }
}
