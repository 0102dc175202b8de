//! The `annotate` command, run as a real process: contracts of GUIDE section 4 and bad input.
//!
//! These tests check the command's behaviour (shapes, order, offsets, escaping, exit status), not which
//! figures or names the core finds: the texts are written for these tests.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_annotate");

/// A sentence written for these tests, with names, figures and punctuation.
const SAMPLE: &str =
    "On Wednesday, January 19, 2022, more than 2,000 soldiers left Almaty, Kazakhstan's largest \
city, at 3 p.m.; the U.S. paid $4.5bn, about 12% of the cost, for the 21st time in three decades.";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the annotate binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("annotate finishes");
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotate-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Checks one document's entities against its text in `unit`: sorted, non-overlapping, `text` = the slice.
fn check_entities(text: &str, entities: &[Value], unit: &str) {
    // byte_at[k] is the byte offset of unit offset k, or None inside a character (or a surrogate pair).
    let mut byte_at: Vec<Option<usize>> = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        let width = match unit {
            "utf8" => c.len_utf8(),
            "utf16" => c.len_utf16(),
            _ => 1,
        };
        byte_at.push(Some(b));
        byte_at.extend(std::iter::repeat(None).take(width - 1));
    }
    byte_at.push(Some(text.len()));
    let mut prev = 0;
    for e in entities {
        let s = e["start"].as_u64().unwrap() as usize;
        let end = e["end"].as_u64().unwrap() as usize;
        assert!(
            s >= prev && s < end && end < byte_at.len(),
            "bad span {e} in {unit}"
        );
        let (Some(bs), Some(be)) = (byte_at[s], byte_at[end]) else {
            panic!("{unit} offsets of {e} fall inside a character");
        };
        assert_eq!(
            e["text"].as_str().unwrap(),
            &text[bs..be],
            "text of {e} in {unit}"
        );
        assert!(e["label"].is_string() && e["score"].is_number());
        prev = end;
    }
}

#[test]
fn help_and_version() {
    let o = run(&["--help"], b"");
    assert!(o.status.success());
    let h = stdout(&o);
    for word in [
        "USAGE",
        "--jsonl",
        "--format",
        "--offsets",
        "--date",
        "--labels",
        "eval",
    ] {
        assert!(h.contains(word), "--help mentions {word}");
    }
    let o = run(&["--version"], b"");
    assert!(o.status.success() && stdout(&o).starts_with("annotate "));
}

#[test]
fn bad_usage_exits_2_with_a_message() {
    for args in [
        &["--format", "xml"][..],
        &["--offsets", "furlongs"],
        &["--date", "2022-02-30"],
        &["--labels", "PERSON,FOO"],
        &["--no-such-option"],
        &["eval"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("annotate:"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn stdin_to_json() {
    let o = run(&[], SAMPLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["id"], "-");
    let entities = v["entities"].as_array().unwrap();
    assert!(!entities.is_empty(), "the sample has figures and names");
    check_entities(SAMPLE, entities, "codepoint");
}

#[test]
fn files_as_json_array_and_jsonl() {
    let a = scratch("a.txt");
    let b = scratch("b.txt");
    std::fs::write(&a, SAMPLE).unwrap();
    std::fs::write(&b, "Nothing here.").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let o = run(&[a, b], b"");
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["id"], a);
    assert_eq!(v[1]["id"], b);
    let o = run(&["--format", "jsonl", a, b], b"");
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], v[0]);
}

#[test]
fn offsets_in_three_units_name_the_same_text() {
    let text = format!("👩‍👩‍👧 Nazarbáyev (נ) and e\u{301}mile: {SAMPLE} 😀😀");
    let mut seen = Vec::new();
    for unit in ["utf8", "utf16", "codepoint"] {
        let o = run(&["--format", "jsonl", "--offsets", unit], text.as_bytes());
        assert!(o.status.success());
        let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        let entities = v["entities"].as_array().unwrap().clone();
        assert!(!entities.is_empty());
        check_entities(&text, &entities, unit);
        seen.push(
            entities
                .iter()
                .map(|e| (e["label"].clone(), e["text"].clone()))
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[1], seen[2]);
}

#[test]
fn labels_filter_and_date() {
    let o = run(
        &[
            "--format",
            "jsonl",
            "--labels",
            "date,NUMBER",
            "--date",
            "2022-01-19",
        ],
        SAMPLE.as_bytes(),
    );
    assert!(o.status.success());
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let entities = v["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    assert!(
        entities
            .iter()
            .all(|e| e["label"] == "DATE" || e["label"] == "NUMBER"),
        "{v}"
    );
}

#[test]
fn an_empty_label_list_gives_no_entities_as_in_javascript() {
    // `--labels ""` asks for no label (JavaScript's `labels: []`, the embeds' `labels=""`): not an error
    for args in [
        &["--labels", ""][..],
        &["--format", "jsonl", "--labels", ""],
        &["--labels", ","],
    ] {
        let o = run(args, SAMPLE.as_bytes());
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(v["entities"], serde_json::json!([]), "{args:?}");
    }
    let input = format!("{}\n", serde_json::json!({"id": "a", "text": SAMPLE}));
    let o = run(&["--jsonl", "--labels", ""], input.as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), r#"{"id":"a","entities":[]}"#);
    // the same text with every label does have entities, so the empty list is what emptied it
    let all: Value = serde_json::from_str(stdout(&run(&[], SAMPLE.as_bytes())).trim()).unwrap();
    assert!(!all["entities"].as_array().unwrap().is_empty());
}

#[test]
fn jsonl_keeps_order_and_count_and_reports_broken_lines() {
    let mut input = String::new();
    let mut expected_errors = Vec::new();
    for i in 0..3000 {
        let line = match i % 500 {
            7 => "this is not json".to_string(),
            8 => r#"{"id": "no-text"}"#.to_string(),
            9 => r#"{"id": 9, "text": 42}"#.to_string(),
            10 => "[1, 2, 3]".to_string(),
            11 => r#"{"id": "cut", "text": "unterminated"#.to_string(),
            _ => serde_json::json!({"id": i, "text": format!("Doc {i}: {SAMPLE}")}).to_string(),
        };
        if matches!(i % 500, 7..=11) {
            expected_errors.push(i + 1);
        }
        input.push_str(&line);
        input.push('\n');
    }
    let o = run(&["--jsonl", "--threads", "4"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "broken lines make the exit status non-zero"
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3000, "one output line per input line");
    let mut errors = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v.get("error").is_some() {
            assert_eq!(
                v["line"],
                k + 1,
                "error lines say which input line they answer"
            );
            errors.push(k + 1);
        } else {
            assert_eq!(v["id"], k, "output in input order");
            let text = format!("Doc {k}: {SAMPLE}");
            check_entities(&text, v["entities"].as_array().unwrap(), "codepoint");
        }
    }
    assert_eq!(errors, expected_errors);
    let err = stderr(&o);
    assert!(
        err.contains("line 8:") && err.contains("line 12:"),
        "stderr names the lines: {err}"
    );
    let v: Value = serde_json::from_str(lines[8]).unwrap();
    assert_eq!(v["id"], "no-text", "the id is kept when the line had one");
}

/// A `--jsonl` line's own "date" overrides `--date` for that document; a bad one makes that line an error object
/// (GUIDE section 4) and the others are still annotated.
#[test]
fn jsonl_line_date_overrides_the_flag() {
    let text = "Troops left on Wednesday.";
    let input = [
        json_line(1, text, None),
        json_line(2, text, Some("\"2022-01-05\"")),
        json_line(3, text, Some("\"2022-02-30\"")),
        json_line(4, text, Some("20220105")),
        json_line(5, text, Some("null")),
    ]
    .concat();
    let o = run(&["--jsonl", "--date", "2022-01-19"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let date_of = |v: &Value| -> String {
        let e = v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["label"] == "DATE")
            .expect("a DATE");
        e["value"]["date"].as_str().unwrap().to_string()
    };
    assert_eq!(
        date_of(&lines[0]),
        "2022-01-19",
        "no date on the line: --date"
    );
    assert_eq!(date_of(&lines[1]), "2022-01-05", "the line's date wins");
    assert_eq!(
        date_of(&lines[4]),
        "2022-01-19",
        "null is the same as absent"
    );
    for (i, want) in [(2, "2022-02-30"), (3, "must be a string")] {
        assert_eq!(lines[i]["id"], i as u64 + 1);
        assert_eq!(lines[i]["line"], i as u64 + 1);
        assert!(
            lines[i]["error"].as_str().unwrap().contains(want),
            "{}",
            lines[i]
        );
        assert!(lines[i].get("entities").is_none());
    }
    assert!(
        stderr(&o).contains("line 3") && stderr(&o).contains("line 4"),
        "{}",
        stderr(&o)
    );
    // without --date, the line's date still resolves the weekday
    let o = run(
        &["--jsonl"],
        json_line(6, text, Some("\"2022-01-05\"")).as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(date_of(&v), "2022-01-05");
}

fn json_line(id: u32, text: &str, date: Option<&str>) -> String {
    match date {
        Some(d) => format!(
            "{{\"id\": {id}, \"text\": {}, \"date\": {d}}}\n",
            Value::from(text)
        ),
        None => format!("{{\"id\": {id}, \"text\": {}}}\n", Value::from(text)),
    }
}

#[test]
fn jsonl_single_thread_equals_many_threads() {
    let input: String = (0..400)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "text": format!("{i} x {SAMPLE}")})
                .to_string()
                + "\n"
        })
        .collect();
    let one = run(&["--jsonl", "-j", "1"], input.as_bytes());
    let many = run(&["--jsonl", "-j", "3"], input.as_bytes());
    assert!(one.status.success() && many.status.success());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn jsonl_blank_lines_crlf_and_lone_surrogates() {
    let input = "{\"id\":1,\"text\":\"a\\ud800 Kazakhstan\"}\r\n\n{\"id\":2,\"text\":\"\"}\r\n";
    let o = run(&["--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[1], "",
        "a blank line stays blank so line numbers match"
    );
    let v: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["id"], 1);
    // The lone surrogate counts as one code point, as in the sender's string.
    check_entities(
        "a\u{FFFD} Kazakhstan",
        v["entities"].as_array().unwrap(),
        "codepoint",
    );
    let v: Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(v["entities"], serde_json::json!([]));
}

#[test]
fn invalid_utf8_file_names_the_file() {
    let bad = scratch("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 in M\xfcnchen\n").unwrap();
    let good = scratch("good.txt");
    std::fs::write(&good, SAMPLE).unwrap();
    let o = run(
        &[
            "--format",
            "jsonl",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        b"",
    );
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert_eq!(
        stdout(&o).lines().count(),
        1,
        "the good file is still annotated"
    );
    let o = run(&[], b"\xff\xfe broken");
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("standard input"));
}

#[test]
fn missing_file_is_an_error() {
    let o = run(&["/no/such/file.txt"], b"");
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("/no/such/file.txt"));
}

#[test]
fn html_escapes_markup_and_marks_entities() {
    let text =
        format!("<script>alert('x')</script> <b onclick=\"evil()\">bold</b> & {SAMPLE} <!-- c -->");
    let o = run(&["--format", "html"], text.as_bytes());
    assert!(o.status.success());
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let body = &html[html.find("<article>").unwrap() + 9..html.find("</article>").unwrap()];
    assert!(
        !body.contains("<script") && !body.contains("<b ") && !body.contains("<!--"),
        "{body}"
    );
    assert!(body.contains("<mark data-label=\""), "entities are marked");
    // Removing the marks and unescaping gives back exactly the input.
    let mut plain = String::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        plain.push_str(&rest[..i]);
        let j = rest[i..].find('>').unwrap();
        let tag = &rest[i..i + j + 1];
        assert!(
            tag.starts_with("<mark data-label=\"") || tag == "</mark>",
            "only mark tags: {tag}"
        );
        rest = &rest[i + j + 1..];
    }
    plain.push_str(rest);
    let plain = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    assert_eq!(plain, text);
}

#[test]
fn conll_output_has_one_token_a_line() {
    let o = run(&["--format", "conll"], SAMPLE.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("-DOCSTART-\tO\n\n"));
    let tagged: Vec<(&str, &str)> = out
        .lines()
        .skip(2)
        .filter(|l| !l.is_empty())
        .map(|l| l.split_once('\t').unwrap())
        .collect();
    assert!(tagged.iter().any(|(_, t)| t.starts_with("B-")));
    for (k, (_, tag)) in tagged.iter().enumerate() {
        assert!(*tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"));
        if let Some(label) = tag.strip_prefix("I-") {
            let prev = tagged[k - 1].1;
            assert!(prev.ends_with(label), "I- continues an entity of its label");
        }
    }
    let joined: String = tagged.iter().map(|(w, _)| *w).collect();
    assert_eq!(
        joined,
        SAMPLE.split_whitespace().collect::<String>(),
        "tokens cover the text"
    );
}

/// Texts that have broken tokenizers and taggers elsewhere: each must be annotated without a panic, with
/// valid offsets, in every output format.
#[test]
fn odd_texts_never_break_the_command() {
    let digits = "7".repeat(1 << 20);
    let no_spaces: String = "Kazakhstan,2,000soldiers;U.S.$4.5bn/12%".repeat(30_000);
    let texts: Vec<String> = vec![
        String::new(),
        " ".into(),
        " \n\t\r\n \u{a0}\u{2029} ".into(),
        digits,
        no_spaces,
        "👩‍👩‍👧‍👦👍🏽🇰🇿🏳️‍🌈 2,000 👨🏿‍🚀 in Almaty".into(),
        "שלום עולם 2,000 חיילים ב-19 בינואר مرحبا ١٢٣ \u{200F}Kazakhstan\u{200E}".into(),
        "Nazarba\u{301}yev e\u{301}\u{302}\u{303}\u{304} Z\u{35c}\u{35d}\u{35e}algo \u{301}\u{301} 3\u{20e3}".into(),
        "a\u{0}b \u{0}\u{0} 2,\u{0}000 \u{0}Kazakhstan".into(),
        "\u{feff}\u{200b}\u{2060}\u{fffd}\u{ffff}\u{10ffff}".into(),
        "'''’’’ n't 's -- ... …… $$$ %%% 1,,,2 ..5 5.. 1/ /1 ::".into(),
        "line one\r\nline two\rline three\n".repeat(1000),
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string() + "\n")
        .collect();
    for unit in ["codepoint", "utf16", "utf8"] {
        let o = run(&["--jsonl", "--offsets", unit], input.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), texts.len());
        for (line, text) in lines.iter().zip(&texts) {
            let v: Value = serde_json::from_str(line).unwrap();
            check_entities(text, v["entities"].as_array().unwrap(), unit);
        }
    }
    for text in &texts {
        for format in ["json", "html", "conll"] {
            let o = run(&["--format", format], text.as_bytes());
            assert!(o.status.success(), "{format}: {}", stderr(&o));
        }
    }
}

#[test]
fn twenty_megabytes_in_reasonable_time() {
    let mut text = String::with_capacity(21 << 20);
    while text.len() < 20 << 20 {
        text.push_str(SAMPLE);
        text.push_str(if text.len() % 7 == 0 { "\n\n" } else { " " });
    }
    let t = Instant::now();
    let o = run(&["--format", "jsonl"], text.as_bytes());
    let took = t.elapsed();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let n = v["entities"].as_array().unwrap().len();
    assert!(
        n > 100_000,
        "every copy of the sample is annotated ({n} entities)"
    );
    eprintln!("20 MB annotated in {took:.2?}");
    // A guard against a hang or quadratic time, not a benchmark (`make bench` measures speed).
    assert!(took < Duration::from_secs(120), "20 MB took {took:?}");
}

/// `annotate eval` agrees with `../shared/eval/bio_to_docs.py` + `score.py` on a file written for this test.
#[test]
fn eval_agrees_with_score_py() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval_dir = root.join("../shared/eval");
    if !eval_dir.join("score.py").exists()
        || Command::new("python3").arg("--version").output().is_err()
    {
        eprintln!("SKIPPED eval_agrees_with_score_py: needs python3 and ../shared/eval/ beside the repository");
        return;
    }
    // CoNLL-style columns (IOB1 and IOB2 mixed on purpose), two documents, escapes, a stray DOCSTART.
    let bio = "-DOCSTART- -X- -X- O\n\n\
        Anna NNP I-NP I-PER\nKarenina NNP I-NP I-PER\nvisited VBD I-VP O\nAlmaty NNP I-NP I-LOC\n-LRB- ( O O\n\
        Kazakhstan NNP I-NP I-LOC\n-RRB- ) O O\n. . O O\n\n\
        The DT O B-ORG\nAcme NNP O I-ORG\nBank NNP O I-ORG\npaid VBD O O\nLeo NNP O B-PER\nTolstoy NNP O I-PER\n\
        and CC O O\nSmith NNP O B-PER\n. . O O\n\n\
        -DOCSTART- -X- -X- O\n\n\
        Russian JJ O I-MISC\ntroops NNS O O\nleft VBD O O\nKazakhstan NNP O I-LOC\n\n\
        -DOCSTART- -X- -X- O\n\n";
    let gold = scratch("gold.txt");
    std::fs::write(&gold, bio).unwrap();
    // Predictions with hits, misses, a wrong label, a wrong boundary, a duplicate and a missing document.
    let pred = scratch("pred.jsonl");
    std::fs::write(
        &pred,
        "{\"id\": \"gold.txt-0000\", \"entities\": [{\"start\": 0, \"end\": 13, \"label\": \"PERSON\"}, \
         {\"start\": 22, \"end\": 28, \"label\": \"ORG\"}, {\"start\": 31, \"end\": 41, \"label\": \"PLACE\"}, \
         {\"start\": 31, \"end\": 41, \"label\": \"PLACE\"}, {\"start\": 45, \"end\": 58, \"label\": \"ORG\"}, \
         {\"start\": 64, \"end\": 75, \"label\": \"PERSON\"}, {\"start\": 3, \"end\": 5, \"label\": \"NUMBER\"}]}\n",
    )
    .unwrap();
    let py_gold = scratch("gold.py.jsonl");
    let conv = Command::new("python3")
        .arg(eval_dir.join("bio_to_docs.py"))
        .arg(&gold)
        .output()
        .unwrap();
    assert!(conv.status.success());
    std::fs::write(&py_gold, &conv.stdout).unwrap();

    // The documents are built identically.
    let rs_gold = scratch("gold.rs.jsonl");
    let o = run(
        &[
            "eval",
            gold.to_str().unwrap(),
            "--pred",
            pred.to_str().unwrap(),
            "--write-gold",
            rs_gold.to_str().unwrap(),
            "--json",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let strip = |s: &str| -> Vec<Value> {
        s.lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).unwrap();
                let m = v.as_object_mut().unwrap();
                m.remove("n_sentences");
                m.remove("n_tokens");
                v
            })
            .collect()
    };
    let py_docs = strip(&String::from_utf8(conv.stdout.clone()).unwrap());
    assert_eq!(py_docs.len(), 2);
    assert_eq!(strip(&std::fs::read_to_string(&rs_gold).unwrap()), py_docs);

    // The scores are the same, digit for digit, and so is the JSON text.
    let py = Command::new("python3")
        .arg(eval_dir.join("score.py"))
        .arg(&py_gold)
        .arg(&pred)
        .output()
        .unwrap();
    assert!(py.status.success());
    assert_eq!(stdout(&o), String::from_utf8(py.stdout).unwrap());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["docs_missing_in_pred"], 1);
    assert!(v["names"]["tp"].as_u64().unwrap() > 0 && v["names"]["p"].as_f64().unwrap() < 1.0);

    // Gold JSONL (what bio_to_docs.py writes) is detected and scores the same.
    let o2 = run(
        &[
            "eval",
            py_gold.to_str().unwrap(),
            "--pred",
            pred.to_str().unwrap(),
            "--json",
        ],
        b"",
    );
    assert_eq!(o2.stdout, o.stdout);

    // Without --pred, eval annotates the text itself and prints a table.
    let o3 = run(&["eval", gold.to_str().unwrap()], b"");
    assert!(o3.status.success());
    let table = stdout(&o3);
    assert!(
        table.contains("names (PERSON+PLACE+ORG)") && table.contains("precision"),
        "{table}"
    );
}

#[test]
fn eval_of_a_broken_gold_file_is_a_clear_error() {
    let gold = scratch("broken.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": 1, \"text\": \"x\", \"entities\": []}\n{not json\n",
    )
    .unwrap();
    let o = run(&["eval", gold.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("broken.jsonl") && stderr(&o).contains("line 2"),
        "{}",
        stderr(&o)
    );
}

/// What `eval` cannot score is refused with the file's name and exit status 1 (README: an input that could not
/// be used), not scored as nonsense: plain text, a file without documents, gold offsets outside the text or in
/// another unit than code points. The other files of the run are still scored.
#[test]
fn eval_refuses_files_it_cannot_score() {
    let cases: [(&str, &str, &[&str]); 7] = [
        ("article-text.txt", "President Anna Karenina said on Monday that order was restored.\nIt was cold.\n", &["line 1", "not CoNLL-2003 or OntoNotes BIO columns"]),
        ("one-column.txt", "Anna B-PER\nvisited\n", &["line 2", "not CoNLL-2003 or OntoNotes BIO columns"]),
        ("bad-tag.tsv", "Anna\tB-PER\nvisited\tX-PER\n", &["line 2", "BIO"]),
        ("empty.txt", "", &["no documents"]),
        ("only-docstart.txt", "\n-DOCSTART- -X- -X- O\n\n \n", &["no documents"]),
        ("beyond.jsonl", "{\"id\": \"a\", \"text\": \"Almaty\", \"entities\": [{\"start\": 0, \"end\": 20, \"label\": \"PLACE\"}]}\n", &["document \"a\"", "0..20", "6 code points"]),
        // UTF-8 byte offsets (3..9) where code points (2..8) are meant: the entity's text does not match
        ("bytes.jsonl", "{\"id\": \"b\", \"text\": \"é Almaty city\", \"entities\": [{\"start\": 3, \"end\": 9, \"label\": \"PLACE\", \"text\": \"Almaty\"}]}\n", &["document \"b\"", "3..9", "code points"]),
    ];
    let good = scratch("refuse-good.tsv");
    std::fs::write(
        &good,
        "Anna\tB-PERSON\nKarenina\tE-PERSON\nleft\tO\nAlmaty\tS-GPE\n",
    )
    .unwrap();
    for (name, content, wants) in cases {
        let path = scratch(&format!("refuse-{name}"));
        std::fs::write(&path, content).unwrap();
        let o = run(
            &["eval", path.to_str().unwrap(), good.to_str().unwrap()],
            b"",
        );
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("refuse-{name}")),
            "{name}: the message names the file: {err}"
        );
        for want in wants {
            assert!(err.contains(want), "{name}: {want:?} in {err}");
        }
        let out = stdout(&o);
        assert!(
            !out.contains(&format!("refuse-{name}")),
            "{name} is not scored: {out}"
        );
        assert!(
            out.contains("refuse-good.tsv: 1 documents"),
            "the good file is still scored: {out}"
        );
    }
    // the well-formed files alone: exit 0, in-range gold JSONL included
    let jsonl = scratch("refuse-ok.jsonl");
    std::fs::write(&jsonl, "{\"id\": \"c\", \"text\": \"é Almaty\", \"entities\": [{\"start\": 2, \"end\": 8, \"label\": \"PLACE\", \"text\": \"Almaty\"}]}\n").unwrap();
    let o = run(
        &["eval", good.to_str().unwrap(), jsonl.to_str().unwrap()],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `eval --markdown` on a user's own file does not claim the project's report boilerplate (../shared/data,
/// `make report`, CoNLL-2003).
#[test]
fn eval_markdown_on_own_files_is_neutral() {
    let gold = scratch("own-gold.tsv");
    std::fs::write(
        &gold,
        "Anna\tB-PERSON\nKarenina\tI-PERSON\nleft\tO\nAlmaty\tB-GPE\n",
    )
    .unwrap();
    let o = run(&["eval", "--markdown", gold.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("# Accuracy")
            && md.contains("own-gold.tsv")
            && md.contains("names (PERSON+PLACE+ORG)"),
        "{md}"
    );
    for claim in ["../shared/data", "make report", "CoNLL-2003 has no figures"] {
        assert!(!md.contains(claim), "{claim:?} in {md}");
    }
}

#[test]
fn closed_output_pipe_ends_quietly() {
    let input: String = (0..20_000)
        .map(|i| format!("{{\"id\":{i},\"text\":\"{SAMPLE}\"}}\n"))
        .collect();
    let mut child = Command::new(BIN)
        .args(["--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(&mut out, &mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code().is_some(), "ends by itself, not by a signal");
}

/// `--date` resolves `ago` to a date; without it the value stays the period (GUIDE section 2 has no field
/// that marks a period as lying in the past).
#[test]
fn date_option_resolves_ago() {
    let text = b"Two days ago the ferry sailed; three weeks ago it was docked.";
    let values = |args: &[&str]| -> Vec<Value> {
        let o = run(args, text);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["value"].clone())
            .collect()
    };
    assert_eq!(
        values(&["--format", "jsonl", "--date", "2026-11-25"]),
        [
            serde_json::json!({"date": "2026-11-23"}),
            serde_json::json!({"date": "2026-11-04"})
        ]
    );
    assert_eq!(
        values(&["--format", "jsonl"]),
        [
            serde_json::json!({"duration": "P2D"}),
            serde_json::json!({"duration": "P3W"})
        ]
    );
}

/// The README's "Command line" section, copied and pasted: each line of its `sh` block runs (in a scratch folder,
/// with `annotate` on the PATH as `cargo install --path .` puts it) and exits 0, and each `$ command` of its
/// `console` block prints exactly the output shown under it (stdout and stderr). The `eval` line needs the
/// corpora in `../shared` and is skipped, with a message, when they are absent.
#[test]
fn readme_command_line_section_runs_as_written() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme
        .split("\n## Command line\n")
        .nth(1)
        .expect("README has a Command line section");
    let section = section.split("\n## ").next().unwrap();
    assert!(
        section.contains("target/release/annotate") && section.contains("cargo install --path ."),
        "the section says how to run the command"
    );
    let block = |lang: &str| -> Vec<String> {
        let start = section
            .find(&format!("```{lang}\n"))
            .unwrap_or_else(|| panic!("a {lang} block"))
            + lang.len()
            + 4;
        section[start..][..section[start..].find("\n```").unwrap()]
            .lines()
            .map(String::from)
            .collect()
    };
    let dir = std::env::temp_dir().join(format!("annotate-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bin_dir = PathBuf::from(BIN).parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let shared = root.join("../shared");
    let sh = |cmd: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .current_dir(&dir)
            .env("PATH", &path)
            .output()
            .unwrap()
    };

    for line in block("sh") {
        let cmd = line.split(" #").next().unwrap().trim();
        if cmd.is_empty() {
            continue;
        }
        let cmd = if cmd.contains("../shared/") {
            if !shared.join("data").exists() {
                println!("SKIPPED `{cmd}`: ../shared/data is absent");
                continue;
            }
            cmd.replace("../shared/", &format!("{}/", shared.display()))
        } else {
            cmd.to_string()
        };
        let o = sh(&cmd);
        assert!(
            o.status.success(),
            "README line `{line}` failed: {}",
            stderr(&o)
        );
    }

    let console = block("console");
    let mut i = 0;
    let mut ran = 0;
    while i < console.len() {
        let cmd = console[i]
            .strip_prefix("$ ")
            .unwrap_or_else(|| panic!("a `$ ` line, not {:?}", console[i]));
        let mut expected = String::new();
        i += 1;
        while i < console.len() && !console[i].starts_with("$ ") {
            expected.push_str(&console[i]);
            expected.push('\n');
            i += 1;
        }
        let o = sh(&format!("exec 2>&1; {cmd}"));
        assert_eq!(
            stdout(&o),
            expected,
            "README's `{cmd}` prints something else now"
        );
        ran += 1;
    }
    assert!(
        ran >= 2,
        "the console block shows commands with their output"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
