//! Figures scored against gold data in `../shared` (never copied into the repository): the Kazakhstan
//! article and the OntoNotes 5 dev split. Each test skips with a message when the data is absent.
//!
//! Throughput (tokenising + figures, one core):
//! `cargo test --release --test figures_corpus -- --ignored --nocapture throughput`

use article_annotator::text::Document;
use article_annotator::{figures, Label, Options};
use std::collections::HashSet;
use std::path::PathBuf;

const FIGURES: [Label; 7] = [
    Label::Number,
    Label::Money,
    Label::Percent,
    Label::Quantity,
    Label::Date,
    Label::Time,
    Label::Ordinal,
];

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: {} is absent", p.display());
        None
    }
}

// A document with gold figure spans in byte offsets.
use figures::train::GoldDoc as Gold;

/// Typed and untyped exact-match F1 of the figures over documents (what `../shared/eval/score.py` reports as
/// `figures_typed` and `figures_untyped`).
fn score(docs: &[Gold]) -> (f64, f64) {
    let (mut tp, mut tpu, mut np, mut ng) = (0usize, 0usize, 0usize, 0usize);
    for d in docs {
        let doc = Document::new(&d.text);
        let pred: Vec<(usize, usize, Label)> = figures::find(&doc, &Options::default())
            .into_iter()
            .map(|e| (e.start, e.end, e.label))
            .collect();
        let gold: HashSet<(usize, usize, Label)> = d.spans.iter().copied().collect();
        let gold_u: HashSet<(usize, usize)> = d.spans.iter().map(|s| (s.0, s.1)).collect();
        tp += pred.iter().filter(|p| gold.contains(p)).count();
        tpu += pred
            .iter()
            .map(|p| (p.0, p.1))
            .collect::<HashSet<_>>()
            .intersection(&gold_u)
            .count();
        np += pred.len();
        ng += gold.len();
    }
    let f1 = |tp: usize| {
        if tp == 0 {
            0.0
        } else {
            2.0 * tp as f64 / (np + ng) as f64
        }
    };
    (f1(tp), f1(tpu))
}

/// Reads gold JSONL (`{"text", "entities": [{"start", "end", "label"}]}`, code point offsets).
fn read_jsonl(path: &PathBuf) -> Vec<Gold> {
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap().to_string();
        // code point index -> byte offset
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let mut spans = Vec::new();
        for e in v["entities"].as_array().unwrap() {
            let label = Label::parse(e["label"].as_str().unwrap()).unwrap();
            if FIGURES.contains(&label) {
                let (s, t) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                spans.push((byte_at[s], byte_at[t], label));
            }
        }
        docs.push(Gold { text, spans });
    }
    docs
}

/// Reads an OntoNotes BIO file the way `../shared/eval/bio_to_docs.py` does, with the figure filter's own
/// corpus reader (tokens joined by spaces, sentences by newlines, documents split at `-DOCSTART-`).
fn read_bio(path: &PathBuf) -> Vec<Gold> {
    figures::train::read_bio(path).unwrap()
}

#[test]
fn kazakhstan_article_figures() {
    let Some(path) = shared("data/articles/kazakhstan.gold.jsonl") else {
        return;
    };
    let docs = read_jsonl(&path);
    let (typed, untyped) = score(&docs);
    println!("Kazakhstan figures: typed F1 {typed:.4}, untyped F1 {untyped:.4}");
    assert!(typed >= 0.95, "typed F1 {typed}");
}

#[test]
fn ontonotes_dev_figures() {
    let Some(path) = shared("data/ontonotes5/dev.bio.tsv") else {
        return;
    };
    let docs = read_bio(&path);
    assert!(docs.len() > 500, "{} documents", docs.len());
    let (typed, untyped) = score(&docs);
    println!(
        "OntoNotes dev figures: typed F1 {typed:.4}, untyped F1 {untyped:.4} ({} documents)",
        docs.len()
    );
    // floors a little below the measured scores (see reports/figures.md)
    assert!(typed >= 0.83, "typed F1 {typed}");
    assert!(untyped >= 0.84, "untyped F1 {untyped}");
}

#[test]
#[ignore]
fn throughput() {
    let Some(path) = shared("data/ontonotes5/dev.bio.tsv") else {
        return;
    };
    let docs = read_bio(&path);
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut found = 0;
    let t = std::time::Instant::now();
    let rounds = 3;
    for _ in 0..rounds {
        for d in &docs {
            let doc = Document::new(&d.text);
            found += figures::find(&doc, &Options::default()).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mbps = (total * rounds) as f64 / secs / 1e6;
    println!(
        "tokenising + figures: {:.1} MB in {secs:.2} s = {mbps:.1} MB/s ({found} figures)",
        (total * rounds) as f64 / 1e6
    );
}
