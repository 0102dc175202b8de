//! The `annotate` command (GUIDE section 4). A first slice: `--jsonl` on stdin, code point offsets.

use article_annotator::text::offsets::{entities_to_unit, OffsetUnit};
use article_annotator::{annotate, Options};
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let options = Options::default();
    let mut failed = false;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("annotate: stdin: {e}");
                std::process::exit(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                failed = true;
                eprintln!("annotate: line {}: {e}", n + 1);
                let _ = writeln!(out, "{}", serde_json::json!({"id": null, "line": n + 1, "error": e.to_string()}));
                continue;
            }
        };
        let id = doc.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let Some(text) = doc.get("text").and_then(|t| t.as_str()) else {
            failed = true;
            eprintln!("annotate: line {}: no string \"text\"", n + 1);
            let _ = writeln!(out, "{}", serde_json::json!({"id": id, "line": n + 1, "error": "no string \"text\""}));
            continue;
        };
        let mut entities = annotate(text, &options);
        entities_to_unit(text, &mut entities, OffsetUnit::Codepoint);
        let _ = writeln!(out, "{}", serde_json::json!({"id": id, "entities": entities}));
    }
    let _ = out.flush();
    if failed {
        std::process::exit(1);
    }
}
