//! Throughput of the core on the OntoNotes dev text, in MB of UTF-8 per second on one core.
//!
//! Run with `make bench` (or `cargo bench --bench throughput`); release optimisations apply (the bench
//! profile inherits them). A plain `main` rather than a test harness: no extra dependency, and it is a
//! measurement, not a pass/fail test. Skips with a message when `../shared` is absent.
//!
//! Each stage runs over the whole dev text several times; the best run is reported (the machine is shared,
//! so the best run is the one least disturbed by other work).

#[path = "../src/cli/eval.rs"]
#[allow(dead_code, unused_imports)]
mod eval;

use article_annotator::text::{tokenize, Document};
use article_annotator::{annotate, figures, Options};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn best_of(runs: usize, bytes: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..runs {
        let t = Instant::now();
        out = black_box(f());
        best = best.min(t.elapsed());
    }
    (bytes as f64 / 1e6 / best.as_secs_f64(), out)
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let path = format!("{root}/../shared/data/ontonotes5/dev.bio.tsv");
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            println!("bench skipped: cannot read {path} ({e}); the benchmark needs ../shared beside the repository");
            return;
        }
    };
    let docs = eval::bio_to_docs(&content, "dev");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let options = Options::default();
    println!(
        "OntoNotes dev: {} documents, {:.2} MB of text; one core, best of {runs} runs",
        texts.len(),
        bytes as f64 / 1e6
    );

    let (mbs, n) = best_of(runs, bytes, || {
        texts.iter().map(|t| tokenize(t).len()).sum()
    });
    println!("{:<32} {:>8.1} MB/s   ({n} tokens)", "tokenize", mbs);

    let (mbs, n) = best_of(runs, bytes, || {
        texts.iter().map(|t| Document::new(t).sentences.len()).sum()
    });
    println!(
        "{:<32} {:>8.1} MB/s   ({n} sentences)",
        "tokens + sentences", mbs
    );

    let (mbs, n) = best_of(runs, bytes, || {
        texts
            .iter()
            .map(|t| figures::find(&Document::new(t), &options).len())
            .sum()
    });
    println!(
        "{:<32} {:>8.1} MB/s   ({n} figures)",
        "tokens + sentences + figures", mbs
    );

    let (mbs, n) = best_of(runs, bytes, || {
        texts.iter().map(|t| annotate(t, &options).len()).sum()
    });
    println!(
        "{:<32} {:>8.1} MB/s   ({n} entities)",
        "annotate() (everything)", mbs
    );
}
