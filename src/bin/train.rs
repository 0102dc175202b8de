//! `train`: trains the name tagger and writes `model/names.bin` (see `model/MODEL.md`).
//!
//! ```text
//! cargo run --release --bin train -- [--data ../shared/data] [--out model/names.bin] [--epochs 12] [--seed 42]
//!     [--train FILE]... [--dev FILE]... [--max-docs N] [--max-features N] [--min-weight W]
//!     [--step S] [--conll-copies 2] [--cluster-words N] [--surnames N] [--no-resources] [--eval-every-epoch] [--temperature T]
//! ```
//! Without `--train`, trains on CoNLL-2003 train (`--conll-copies` times an epoch) and OntoNotes 5 train
//! under `--data`, and scores their dev splits.

use article_annotator::names::model::Model;
use article_annotator::names::resources::Resources;
use article_annotator::names::train::{evaluate, read_file, train, Config};
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("train: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from("model/names.bin");
    let mut cfg = Config::default();
    let (mut train_files, mut dev_files) = (Vec::new(), Vec::new());
    let (mut cluster_words, mut surnames, mut resources) = (60_000usize, 20_000usize, true);
    let mut conll_copies = 2usize;
    let mut i = 0;
    let val = |i: &mut usize| -> Result<String, String> {
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| format!("{} needs a value", args[*i - 1]))
    };
    while i < args.len() {
        match args[i].as_str() {
            "--data" => data = val(&mut i)?.into(),
            "--out" => out = val(&mut i)?.into(),
            "--train" => train_files.push(PathBuf::from(val(&mut i)?)),
            "--dev" => dev_files.push(PathBuf::from(val(&mut i)?)),
            "--epochs" => cfg.epochs = val(&mut i)?.parse()?,
            "--seed" => cfg.seed = val(&mut i)?.parse()?,
            "--max-docs" => cfg.max_docs = Some(val(&mut i)?.parse()?),
            "--max-features" => cfg.max_features = val(&mut i)?.parse()?,
            "--min-weight" => cfg.min_weight = val(&mut i)?.parse()?,
            "--step" => cfg.step = val(&mut i)?.parse()?,
            "--temperature" => cfg.temperature = val(&mut i)?.parse()?,
            "--cluster-words" => cluster_words = val(&mut i)?.parse()?,
            "--conll-copies" => conll_copies = val(&mut i)?.parse()?,
            "--surnames" => surnames = val(&mut i)?.parse()?,
            "--no-resources" => resources = false,
            "--eval-every-epoch" => cfg.eval_every_epoch = true,
            "-h" | "--help" => {
                eprintln!("see the top of src/bin/train.rs or model/MODEL.md");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
        i += 1;
    }
    if train_files.is_empty() {
        // CoNLL-2003 is a tenth of OntoNotes' size; seen twice an epoch it weighs enough to keep its
        // conventions (CoNLL dev names F1 0.9234 -> 0.9321, OntoNotes dev unchanged).
        train_files = vec![data.join("conll2003/train.txt"); conll_copies];
        train_files.push(data.join("ontonotes5/train.bio.tsv"));
        if dev_files.is_empty() {
            dev_files = vec![
                data.join("conll2003/dev.txt"),
                data.join("ontonotes5/dev.bio.tsv"),
            ];
        }
    }
    cfg.train = train_files;
    cfg.dev = dev_files;
    if resources {
        cfg.resources = Resources::from_shared(&data, cluster_words, surnames)?;
        eprintln!(
            "resources: {} cluster words, {} gazetteer keys",
            cfg.resources.clusters.len(),
            cfg.resources.gazetteer.len()
        );
    }
    let t0 = std::time::Instant::now();
    let mut trained = train(&cfg)?;
    let cmd: Vec<String> = std::env::args().skip(1).collect();
    trained.model.meta = format!(
        "averaged structured perceptron; trained by `train {}`; {:.0} s\n{}",
        cmd.join(" "),
        t0.elapsed().as_secs_f64(),
        trained.log.join("\n")
    );
    if std::env::var("DEBUG_RT").is_ok() {
        debug_roundtrip(&cfg, &trained.model);
    }
    let bytes = trained.model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.0} s",
        out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut p = 12;
    while p + 8 <= bytes.len() {
        let n = u32::from_le_bytes(bytes[p + 4..p + 8].try_into().unwrap()) as usize;
        eprintln!(
            "  section {} {} bytes",
            String::from_utf8_lossy(&bytes[p..p + 4]),
            n
        );
        p += 8 + n;
    }
    // Score the model as shipped: quantised, read back from its bytes.
    let shipped = Model::from_bytes(&bytes)?;
    for p in &cfg.dev {
        let sc = evaluate(&shipped, &read_file(p)?);
        eprintln!("dev {} (as shipped): {}", p.display(), sc.summary());
    }
    Ok(())
}

#[allow(dead_code)]
fn debug_roundtrip(cfg: &Config, m: &Model) {
    let (c, g) = m.resources.to_bytes();
    let r = Resources::from_bytes(&c, &g).unwrap();
    eprintln!(
        "clusters {} -> {}, gaz {} -> {}",
        m.resources.clusters.len(),
        r.clusters.len(),
        m.resources.gazetteer.len(),
        r.gazetteer.len()
    );
    let mut m2 = m.clone();
    m2.resources = r;
    for p in &cfg.dev {
        eprintln!(
            "float+roundtrip resources {}: {}",
            p.display(),
            evaluate(&m2, &read_file(p).unwrap()).summary()
        );
    }
}
