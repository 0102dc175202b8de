//! `train_figures`: trains the figure filter and writes `model/figures.bin` (see reports/figures.md).
//!
//! ```text
//! cargo run --release --bin train_figures -- [--train FILE] [--dev FILE] [--out model/figures.bin]
//!     [--bits 13] [--epochs 8] [--rate 0.1] [--l2 1e-6] [--seed 42] [--perceptron] [--dump FILE]
//! ```
//! `--perceptron` trains a structured averaged perceptron instead of the logistic regression (tried; not
//! better, see reports/figures.md). `--dump FILE` writes each dev candidate as a tab-separated line
//! (document index, byte start, byte end, threshold slot, gold 0/1, probability) for error analysis.
//! Defaults: OntoNotes 5 train and dev under `../shared/data/ontonotes5/`. The threshold is tuned on dev.

use article_annotator::figures::train::{
    examples, prf, read_bio, train, train_perceptron, tune_threshold, Config,
};
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("train_figures: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut train_file = PathBuf::from("../shared/data/ontonotes5/train.bio.tsv");
    let mut dev_file = PathBuf::from("../shared/data/ontonotes5/dev.bio.tsv");
    let mut out = PathBuf::from("model/figures.bin");
    let mut cfg = Config::default();
    let mut perceptron = false;
    let mut dump: Option<PathBuf> = None;
    let mut i = 0;
    let val = |i: &mut usize| -> Result<String, String> {
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| format!("{} needs a value", args[*i - 1]))
    };
    while i < args.len() {
        match args[i].as_str() {
            "--train" => train_file = val(&mut i)?.into(),
            "--dev" => dev_file = val(&mut i)?.into(),
            "--out" => out = val(&mut i)?.into(),
            "--bits" => cfg.bits = val(&mut i)?.parse()?,
            "--epochs" => cfg.epochs = val(&mut i)?.parse()?,
            "--rate" => cfg.rate = val(&mut i)?.parse()?,
            "--l2" => cfg.l2 = val(&mut i)?.parse()?,
            "--seed" => cfg.seed = val(&mut i)?.parse()?,
            "--perceptron" => perceptron = true,
            "--dump" => dump = Some(val(&mut i)?.into()),
            other => return Err(format!("unknown argument {other}").into()),
        }
        i += 1;
    }
    let t0 = std::time::Instant::now();
    let (tr, tr_gold) = examples(&read_bio(&train_file)?, cfg.bits);
    let (dev, dev_gold) = examples(&read_bio(&dev_file)?, cfg.bits);
    eprintln!(
        "{} train candidates ({} gold figures), {} dev candidates ({} gold)",
        tr.len(),
        tr_gold,
        dev.len(),
        dev_gold
    );
    let oracle = dev.iter().filter(|e| e.gold).count() as f64 / dev_gold as f64;
    eprintln!("dev: the candidates hold {:.4} of the gold figures", oracle);
    let mut m = if perceptron {
        train_perceptron(&tr, &cfg)
    } else {
        train(&tr, &cfg)
    };
    let f = tune_threshold(&mut m, &dev, dev_gold);
    let q =
        article_annotator::figures::filter::Model::from_bytes(&m.to_bytes()).expect("round trip");
    let (p, r, _) = prf(&q, &dev, dev_gold, &m.per_label);
    let tf = prf(&q, &tr, tr_gold, &m.per_label);
    eprintln!(
        "dev, filtered (threshold {:.2}, anchor floor {:.2}): P {p:.4} R {r:.4} F1 {f:.4}; train F1 {:.4}",
        m.threshold, m.floor, tf.2
    );
    if let Some(path) = dump {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        for e in &dev {
            writeln!(
                f,
                "{}\t{}\t{}\t{}\t{}\t{:.3}",
                e.doc,
                e.span.0,
                e.span.1,
                e.label,
                e.gold as u8,
                q.prob(&e.feats)
            )?;
        }
    }
    std::fs::write(&out, m.to_bytes())?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        m.to_bytes().len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
