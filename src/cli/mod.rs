//! The `annotate` command's parts: argument parsing, the commands, and their helpers.
//!
//! The binary (`src/bin/annotate.rs`) is a thin `main`; the library crate knows nothing of files, threads or
//! terminals, so it builds unchanged for WebAssembly.

pub mod eval;
pub mod output;
pub mod pipeline;

use article_annotator::text::offsets::{entities_to_unit, OffsetUnit};
use article_annotator::{annotate, mentions, CivilDate, Label, Options};
use output::Format;
use pipeline::{ordered_map, Feeder, Flow};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

/// The `--help` text.
pub const HELP: &str = "\
annotate: find names and figures in news articles

USAGE:
    annotate [OPTIONS] [FILE...]          annotate text files (standard input when none, or `-`)
    annotate --jsonl [OPTIONS] [FILE...]  annotate JSON lines {\"id\", \"text\"}, one document a line
    annotate eval [OPTIONS] GOLD...       score against gold files (CoNLL-2003, OntoNotes BIO or gold JSONL)

OPTIONS:
    -f, --format FORMAT   json (default), jsonl, html or conll
        --jsonl           streaming mode: one {\"id\", \"text\"} object a line in, one {\"id\", \"entities\"}
                          line out, in the same order; uses every core with bounded memory. A line's own
                          \"date\": \"YYYY-MM-DD\" overrides --date for that document (a bad one makes that
                          line an error object)
    -o, --offsets UNIT    codepoint (default; Python string indices), utf16 (JavaScript) or utf8 (bytes)
    -d, --date DATE       the document date, YYYY-MM-DD, to resolve weekdays and relative dates
    -l, --labels LIST     only these labels, comma-separated: PERSON,PLACE,ORG,MISC,NUMBER,MONEY,
                          PERCENT,QUANTITY,DATE,TIME,ORDINAL (default: every label; an empty list,
                          --labels \"\", asks for none, so every document gets \"entities\": [])
    -j, --threads N       worker threads for --jsonl and eval (default: every core)
        --progress        show progress on stderr even when it is not a terminal (--no-progress: never)
    -h, --help            this text
    -V, --version         the version

EVAL OPTIONS:
        --pred FILE       score these predictions (JSONL {\"id\", \"entities\"}) instead of annotating
        --write-pred FILE write the predictions as JSONL (code point offsets)
        --write-gold FILE write the gold documents as JSONL (what bio_to_docs.py writes)
        --json            print score.py's JSON summary instead of a table (one object per gold file)
        --markdown        print a Markdown report instead of a table

OUTPUT:
    json    {\"id\": FILE, \"entities\": [...]} per input; an array of them for several inputs
    jsonl   one {\"id\": FILE, \"entities\": [...]} line per input
    html    a standalone page; each entity is <mark data-label=\"LABEL\">, all text escaped
    conll   token<TAB>BIO-tag lines, a blank line after each sentence, -DOCSTART- before each document
    An entity is {\"start\", \"end\", \"label\", \"text\", \"score\", \"group\"?, \"value\"?}, end exclusive.

EXIT STATUS:
    0 success; 1 some input could not be annotated (invalid UTF-8, a broken JSON line: reported on stderr,
    the rest still annotated); 2 bad usage.

EXAMPLES:
    annotate article.txt
    annotate --format html article.txt > article.html
    annotate --jsonl --date 2022-01-19 < archive.jsonl > entities.jsonl
    annotate eval ../shared/data/ontonotes5/dev.bio.tsv
";

/// A usage error: message for stderr, exit status 2.
#[derive(Debug, PartialEq, Eq)]
pub struct Usage(pub String);

/// The parsed command line.
#[derive(Debug, Clone)]
pub struct Args {
    /// What to do.
    pub command: Command,
    /// Input files (`-` is standard input).
    pub files: Vec<String>,
    /// `--format`.
    pub format: Format,
    /// `--offsets`.
    pub offsets: OffsetUnit,
    /// `--date` and `--labels`.
    pub options: Options,
    /// `--threads`.
    pub threads: usize,
    /// `--progress` (Some(true)), `--no-progress` (Some(false)), or decide by terminal (None).
    pub progress: Option<bool>,
    /// `eval --pred`.
    pub pred: Option<String>,
    /// `eval --write-pred`.
    pub write_pred: Option<String>,
    /// `eval --write-gold`.
    pub write_gold: Option<String>,
    /// `eval --json` / `--markdown`.
    pub report: Report,
}

/// The command to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Annotate whole files.
    Files,
    /// Annotate JSON lines.
    Jsonl,
    /// Score against gold files.
    Eval,
    /// Print the help.
    Help,
    /// Print the version.
    Version,
}

/// How `eval` prints its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// A plain table.
    Table,
    /// `score.py`'s JSON.
    Json,
    /// Markdown.
    Markdown,
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Parses the command line (without the program name).
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Args, Usage> {
    let mut a = Args {
        command: Command::Files,
        files: Vec::new(),
        format: Format::Json,
        offsets: OffsetUnit::Codepoint,
        options: Options::default(),
        threads: default_threads(),
        progress: None,
        pred: None,
        write_pred: None,
        write_gold: None,
        report: Report::Table,
    };
    let mut format_given = false;
    let mut it = args.into_iter().peekable();
    let mut first = true;
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if first && arg == "eval" {
            a.command = Command::Eval;
            first = false;
            continue;
        }
        first = false;
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.files.push(arg);
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            // `-j4`, `-fhtml`: a short option with its value attached
            _ if !arg.starts_with("--")
                && arg.len() > 2
                && matches!(&arg[..2], "-f" | "-o" | "-d" | "-l" | "-j") =>
            {
                (arg[..2].to_string(), Some(arg[2..].to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, Usage> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it
                    .next()
                    .ok_or_else(|| Usage(format!("{name} needs a value ({what})"))),
            }
        };
        match name.as_str() {
            "-h" | "--help" => a.command = Command::Help,
            "-V" | "--version" => a.command = Command::Version,
            "--jsonl" => {
                if a.command != Command::Eval {
                    a.command = Command::Jsonl
                }
            }
            "-f" | "--format" => {
                let v = value("json, jsonl, html or conll")?;
                a.format = Format::parse(&v).ok_or_else(|| {
                    Usage(format!(
                        "unknown format {v:?}: expected json, jsonl, html or conll"
                    ))
                })?;
                format_given = true;
            }
            "-o" | "--offsets" => {
                let v = value("utf16, utf8 or codepoint")?;
                a.offsets = OffsetUnit::parse(&v).map_err(|e| Usage(e.to_string()))?;
            }
            "-d" | "--date" => {
                let v = value("YYYY-MM-DD")?;
                a.options.document_date =
                    Some(CivilDate::parse(&v).map_err(|e| Usage(e.to_string()))?);
            }
            "-l" | "--labels" => {
                let v = value("e.g. PERSON,DATE")?;
                let mut labels = Vec::new();
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    labels.push(Label::parse(part).ok_or_else(|| {
                        Usage(article_annotator::Error::UnknownLabel(part.to_string()).to_string())
                    })?);
                }
                // an empty list (`--labels ""`) asks for no label, as `labels: []` does in JavaScript and
                // `labels=""` in the embeds: every document then gets `"entities": []`
                a.options.labels = Some(labels);
            }
            "-j" | "--threads" => {
                let v = value("a number")?;
                a.threads = v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                    Usage(format!("--threads needs a positive number, not {v:?}"))
                })?;
            }
            "--progress" => a.progress = Some(true),
            "--no-progress" => a.progress = Some(false),
            "--pred" => a.pred = Some(value("a predictions file")?),
            "--write-pred" => a.write_pred = Some(value("a file to write")?),
            "--write-gold" => a.write_gold = Some(value("a file to write")?),
            "--json" => a.report = Report::Json,
            "--markdown" => a.report = Report::Markdown,
            _ => {
                return Err(Usage(format!(
                    "unknown option {name:?} (see annotate --help)"
                )))
            }
        }
    }
    let eval_only = a.pred.is_some()
        || a.write_pred.is_some()
        || a.write_gold.is_some()
        || a.report != Report::Table;
    if eval_only && !matches!(a.command, Command::Eval | Command::Help | Command::Version) {
        return Err(Usage(
            "--pred, --write-pred, --write-gold, --json and --markdown belong to `annotate eval`"
                .into(),
        ));
    }
    if a.command == Command::Jsonl && format_given && a.format != Format::Jsonl {
        return Err(Usage(
            "--jsonl always writes JSON lines; leave out --format".into(),
        ));
    }
    if a.command == Command::Eval && a.files.is_empty() {
        return Err(Usage(
            "annotate eval needs a gold file (see annotate --help)".into(),
        ));
    }
    Ok(a)
}

/// Runs the command; returns the exit status.
pub fn run(args: &Args) -> i32 {
    match args.command {
        Command::Help => {
            print!("{HELP}");
            0
        }
        Command::Version => {
            println!("annotate {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Command::Files => run_files(args),
        Command::Jsonl => run_jsonl(args),
        Command::Eval => run_eval(args),
    }
}

/// Writes to stdout; a closed pipe (`annotate ... | head`) ends the program quietly.
fn emit(out: &mut impl Write, s: &str) {
    if let Err(e) = out.write_all(s.as_bytes()) {
        exit_on_write_error(e);
    }
}

fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("annotate: cannot write output: {e}");
    std::process::exit(1);
}

/// Inputs longer than this are annotated in pieces (see [`annotate_large`]).
pub const PIECE_BYTES: usize = 256 * 1024;

/// Annotates `text`, in pieces of about [`PIECE_BYTES`] split at paragraph breaks when it is longer, on up to
/// `threads` threads, then runs the document-level steps (label agreement, repeats of confident names,
/// mention groups: [`mentions::resolve`]) once over the whole text, so a name keeps one label and one group
/// across pieces as GUIDE section 2 asks. The result is one document's: sorted, non-overlapping, byte offsets
/// of `text`.
///
/// Why pieces: they let a single big file use every core and bound the tagger's working memory. What the
/// tagger itself sees of the document (how a word is written elsewhere, what earlier sentences called it)
/// stays within a piece, so a text over `PIECE_BYTES` can differ slightly from `annotate()` on the whole
/// text. Texts up to `PIECE_BYTES` are annotated whole, exactly as `annotate()` does.
pub fn annotate_large(
    text: &str,
    options: &Options,
    threads: usize,
) -> Vec<article_annotator::Entity> {
    if text.len() <= PIECE_BYTES {
        return annotate(text, options);
    }
    let pieces = split_pieces(text, PIECE_BYTES);
    // Every label per piece: the whole-text steps below may relabel a name, and the filter comes last.
    let all_labels = Options {
        labels: None,
        ..options.clone()
    };
    let work = |r: std::ops::Range<usize>| {
        let mut es = annotate(&text[r.clone()], &all_labels);
        for e in &mut es {
            e.start += r.start;
            e.end += r.start;
        }
        es
    };
    let mut per_piece: Vec<Vec<article_annotator::Entity>> = Vec::with_capacity(pieces.len());
    if threads <= 1 {
        per_piece.extend(pieces.into_iter().map(work));
    } else {
        let mut failed = None;
        ordered_map(
            threads,
            |feed: &mut Feeder<'_, std::ops::Range<usize>>| {
                for r in pieces {
                    let n = r.len();
                    if feed.push(r, n) == Flow::Stop {
                        break;
                    }
                }
            },
            work,
            |r| match r {
                Ok(es) => {
                    per_piece.push(es);
                    Flow::Continue
                }
                Err(e) => {
                    failed = Some(e);
                    Flow::Stop
                }
            },
        );
        if let Some(e) = failed {
            panic!("{e}");
        }
    }
    let (names, figures): (Vec<_>, Vec<_>) = per_piece
        .into_iter()
        .flatten()
        .partition(|e| e.label.is_name());
    let doc = article_annotator::text::Document::new(text);
    let mut out = mentions::resolve(&doc, names, figures);
    out.retain(|e| options.wants(e.label));
    out
}

/// Splits `text` into consecutive byte ranges of at least `size` bytes (the last may be shorter), each ending
/// after a blank line if one comes within the next `size` bytes, else after a line break, else after
/// whitespace, else at a character boundary.
fn split_pieces(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let from = start + size;
        let window_end = (from + size).min(text.len());
        let mut lo = from;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = window_end;
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let window = &text[lo..hi.max(lo)];
        let cut = window
            .find("\n\n")
            .map(|i| i + 2)
            .or_else(|| window.find('\n').map(|i| i + 1))
            .or_else(|| {
                window
                    .find(char::is_whitespace)
                    .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8))
            })
            .map_or(lo, |i| lo + i);
        if cut <= start || cut >= text.len() {
            break;
        }
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..text.len());
    pieces
}

/// Reads a whole input (`-` is stdin) as UTF-8, or says clearly why not.
fn read_text(name: &str) -> Result<String, String> {
    let shown = if name == "-" { "standard input" } else { name };
    if name == "-" && std::io::stdin().is_terminal() {
        eprintln!("annotate: reading text from standard input (end it with Ctrl-D; annotate --help for usage)");
    }
    let mut bytes = Vec::new();
    let result = if name == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result.map_err(|e| format!("{shown}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        format!(
            "{shown}: not valid UTF-8 (byte {at}, line {line}); convert it first, e.g. with iconv"
        )
    })
}

fn run_files(args: &Args) -> i32 {
    let files: Vec<String> = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = 0;
    let mut json_docs: Vec<output::DocOut> = Vec::new();
    if args.format == Format::Html {
        emit(&mut out, output::HTML_HEAD);
    }
    for name in &files {
        let text = match read_text(name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("annotate: {e}");
                status = 1;
                continue;
            }
        };
        let annotated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            annotate_large(&text, &args.options, args.threads)
        }));
        let Ok(entities) = annotated else {
            eprintln!("annotate: {name}: internal error while annotating (please report it)");
            status = 1;
            continue;
        };
        match args.format {
            Format::Json => json_docs.push(output::DocOut::new(
                json!(name),
                &text,
                entities,
                args.offsets,
            )),
            Format::Jsonl => emit(
                &mut out,
                &output::entities_line(&json!(name), &text, entities, args.offsets),
            ),
            Format::Html => emit(&mut out, &output::html_article(name, &text, &entities)),
            Format::Conll => emit(&mut out, &output::conll_document(&text, &entities)),
        }
    }
    match args.format {
        Format::Json if json_docs.len() == 1 && files.len() == 1 => {
            let s = serde_json::to_string_pretty(&json_docs[0]).expect("JSON values serialise");
            emit(&mut out, &format!("{s}\n"));
        }
        Format::Json if files.len() > 1 => {
            let s = serde_json::to_string_pretty(&json_docs).expect("JSON values serialise");
            emit(&mut out, &format!("{s}\n"));
        }
        Format::Html => emit(&mut out, output::HTML_TAIL),
        _ => {}
    }
    if let Err(e) = out.flush() {
        exit_on_write_error(e);
    }
    status
}

/// One line of `--jsonl` input.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// What one `--jsonl` line became: the output line, and an error message for stderr if it failed.
struct Annotated {
    number: usize,
    out: String,
    error: Option<String>,
}

/// Annotates one `--jsonl` line.
fn annotate_line(line: Line, options: &Options, unit: OffsetUnit) -> Annotated {
    let number = line.number;
    let fail = |id: Value, msg: String| Annotated {
        number,
        out: output::error_line(&id, Some(number), &msg),
        error: Some(msg),
    };
    let text = match std::str::from_utf8(&line.bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(
                Value::Null,
                format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()),
            )
        }
    };
    if text.trim().is_empty() {
        // A blank line stays a blank line, so output line N still answers input line N.
        return Annotated {
            number,
            out: "\n".to_string(),
            error: None,
        };
    }
    let parsed: Result<Value, _> = serde_json::from_str(text);
    let parsed = match parsed {
        // serde_json refuses `\ud800` escapes of lone surrogates, which JavaScript and Python strings may hold.
        Err(e) if text.contains("\\u") => {
            serde_json::from_str(&replace_lone_surrogates(text)).map_err(|_| e)
        }
        other => other,
    };
    let doc = match parsed {
        Ok(Value::Object(map)) => map,
        Ok(_) => return fail(Value::Null, "not a JSON object".to_string()),
        Err(e) => return fail(Value::Null, format!("not valid JSON: {e}")),
    };
    let id = doc.get("id").cloned().unwrap_or(Value::Null);
    let Some(Value::String(text)) = doc.get("text") else {
        return fail(id, "no string \"text\" field".to_string());
    };
    // The line's own "date" (YYYY-MM-DD) overrides --date for this document; null is the same as absent.
    let dated;
    let options = match doc.get("date") {
        None | Some(Value::Null) => options,
        Some(Value::String(s)) => match CivilDate::parse(s) {
            Ok(date) => {
                dated = Options {
                    document_date: Some(date),
                    ..options.clone()
                };
                &dated
            }
            Err(e) => return fail(id, format!("\"date\": {e}")),
        },
        Some(other) => {
            return fail(
                id,
                format!("\"date\" must be a string YYYY-MM-DD, not {other}"),
            )
        }
    };
    let entities = annotate(text, options);
    Annotated {
        number,
        out: output::entities_line(&id, text, entities, unit),
        error: None,
    }
}

/// Replaces `\uD800`-style escapes of lone surrogates (which JavaScript and Python strings may hold) with
/// `\uFFFD`: one code point and one UTF-16 unit for one, so offsets still match the sender's string.
fn replace_lone_surrogates(json: &str) -> String {
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut last = 0;
    let mut i = 0;
    let hex = |at: usize| -> Option<u32> {
        if at + 6 <= b.len() && b[at] == b'\\' && b[at + 1] == b'u' {
            u32::from_str_radix(std::str::from_utf8(&b[at + 2..at + 6]).ok()?, 16).ok()
        } else {
            None
        }
    };
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match hex(i) {
            Some(hi @ 0xD800..=0xDBFF) if matches!(hex(i + 6), Some(0xDC00..=0xDFFF)) => {
                let _ = hi;
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&json[last..i]);
                out.push_str("\\uFFFD");
                i += 6;
                last = i;
            }
            Some(_) => i += 6,
            None => i += 2, // any other escape, including `\\`
        }
    }
    out.push_str(&json[last..]);
    out
}

/// Shows `n documents, x MB, y docs/s` on stderr at most a few times a second.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    docs: u64,
    bytes: u64,
}

impl Progress {
    fn new(setting: Option<bool>) -> Progress {
        let enabled = setting.unwrap_or_else(|| std::io::stderr().is_terminal());
        let now = Instant::now();
        Progress {
            enabled,
            started: now,
            last: now,
            docs: 0,
            bytes: 0,
        }
    }

    fn tick(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes as u64;
        if self.enabled && self.last.elapsed() >= Duration::from_millis(250) {
            self.last = Instant::now();
            self.show("\r");
        }
    }

    fn show(&self, prefix: &str) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "{prefix}annotate: {} documents, {:.1} MB, {:.0} documents/s, {:.1} MB/s   ",
            self.docs,
            self.bytes as f64 / 1e6,
            self.docs as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        );
    }

    fn finish(&self) {
        if self.enabled {
            self.show("\r");
            eprintln!();
        }
    }
}

/// Feeds the lines of `files` (stdin when empty) into the pipeline; I/O errors are returned as messages.
fn feed_lines(files: &[String], feed: &mut Feeder<'_, (usize, Line)>) -> Vec<String> {
    let mut errors = Vec::new();
    let files: Vec<String> = if files.is_empty() {
        vec!["-".to_string()]
    } else {
        files.to_vec()
    };
    for (file_index, name) in files.iter().enumerate() {
        let reader: Box<dyn BufRead> = if name == "-" {
            if std::io::stdin().is_terminal() {
                eprintln!("annotate: reading JSON lines from standard input (end with Ctrl-D)");
            }
            Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            match std::fs::File::open(name) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            }
        };
        let mut reader = reader;
        let mut number = 0;
        loop {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    errors.push(format!(
                        "{}: {e}",
                        if name == "-" { "standard input" } else { name }
                    ));
                    break;
                }
            }
            number += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            let n = bytes.len();
            if feed.push((file_index, Line { number, bytes }), n) == Flow::Stop {
                return errors;
            }
        }
    }
    errors
}

fn run_jsonl(args: &Args) -> i32 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut progress = Progress::new(args.progress);
    let mut failed = 0u64;
    let names: Vec<String> = if args.files.is_empty() {
        vec!["standard input".into()]
    } else {
        args.files
            .iter()
            .map(|f| {
                if f == "-" {
                    "standard input".into()
                } else {
                    f.clone()
                }
            })
            .collect()
    };
    let mut io_errors = Vec::new();
    let options = &args.options;
    let unit = args.offsets;
    let files = &args.files;
    let io_errors_ref = &mut io_errors;
    ordered_map(
        args.threads,
        move |feed: &mut Feeder<'_, (usize, Line)>| {
            *io_errors_ref = feed_lines(files, feed);
        },
        |(file, line): (usize, Line)| {
            let (bytes, number) = (line.bytes.len(), line.number);
            let a = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                annotate_line(line, options, unit)
            }))
            .unwrap_or_else(|_| {
                let msg =
                    "internal error while annotating this line (please report it)".to_string();
                Annotated {
                    number,
                    out: output::error_line(&Value::Null, Some(number), &msg),
                    error: Some(msg),
                }
            });
            (file, bytes, a)
        },
        |r| {
            let (file, bytes, a) = match r {
                Ok(v) => v,
                Err(panic) => (
                    0,
                    0,
                    Annotated {
                        number: 0,
                        out: output::error_line(&Value::Null, None, &panic),
                        error: Some(panic),
                    },
                ),
            };
            if let Some(e) = &a.error {
                failed += 1;
                eprintln!(
                    "annotate: {} line {}: {e}",
                    names.get(file).map_or("input", |s| s.as_str()),
                    a.number
                );
            }
            emit(&mut out, &a.out);
            progress.tick(bytes);
            Flow::Continue
        },
    );
    if let Err(e) = out.flush() {
        exit_on_write_error(e);
    }
    progress.finish();
    for e in &io_errors {
        eprintln!("annotate: {e}");
    }
    if failed > 0 {
        eprintln!("annotate: {failed} line(s) could not be annotated (see the \"error\" lines)");
    }
    if failed > 0 || !io_errors.is_empty() {
        1
    } else {
        0
    }
}

/// Annotates every gold document on every core, in order, returning entities in code points.
fn predict(docs: &[eval::GoldDoc], args: &Args) -> Vec<Result<Vec<Value>, String>> {
    let mut preds = Vec::with_capacity(docs.len());
    let options = &args.options;
    ordered_map(
        args.threads,
        |feed: &mut Feeder<'_, &eval::GoldDoc>| {
            for d in docs {
                if feed.push(d, d.text.len()) == Flow::Stop {
                    break;
                }
            }
        },
        |d: &eval::GoldDoc| {
            let mut entities = annotate(&d.text, options);
            entities_to_unit(&d.text, &mut entities, OffsetUnit::Codepoint);
            entities
                .iter()
                .map(|e| serde_json::to_value(e).expect("entities serialise"))
                .collect::<Vec<Value>>()
        },
        |r| {
            preds.push(r);
            Flow::Continue
        },
    );
    preds
}

fn write_jsonl(path: &str, lines: impl Iterator<Item = Value>) -> Result<(), String> {
    let f = std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?;
    let mut w = std::io::BufWriter::new(f);
    for v in lines {
        writeln!(w, "{v}").map_err(|e| format!("{path}: {e}"))?;
    }
    w.flush().map_err(|e| format!("{path}: {e}"))
}

fn run_eval(args: &Args) -> i32 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = 0;
    let multi = args.files.len() > 1;
    let mut done: Vec<(String, eval::GoldFormat, eval::Summary)> = Vec::new();
    for (k, name) in args.files.iter().enumerate() {
        match eval_file(name, args) {
            Ok((format, summary)) => {
                match args.report {
                    Report::Json => {
                        emit(&mut out, &format!("{}\n", eval::to_score_py_json(&summary)))
                    }
                    Report::Table => emit(
                        &mut out,
                        &format!(
                            "{}{name}: {} documents ({})\n{}",
                            if multi && k > 0 { "\n" } else { "" },
                            summary.docs,
                            format.name(),
                            eval::to_table(&summary)
                        ),
                    ),
                    Report::Markdown => {}
                }
                done.push((name.clone(), format, summary));
            }
            Err(e) => {
                eprintln!("annotate eval: {e}");
                status = 1;
            }
        }
    }
    if args.report == Report::Markdown {
        let shown = |n: &str| n.trim_start_matches("../shared/data/").to_string();
        // The project's report (`make report`) scores files of ../shared/data/ and says so; on a user's own files
        // the text names neither that folder nor `make report`.
        let report = args.files.iter().all(|f| f.starts_with("../shared/data/"));
        let mut md = String::from(if report {
            "# Accuracy\n\nExact-span precision, recall and F1 of `annotate` against gold files in `../shared/data/`, \
             scored by `annotate eval`, which re-implements `../shared/eval/bio_to_docs.py` and `score.py` (its JSON \
             output agrees with `score.py` digit for digit). Regenerate with `make report`; the command it runs:\n\n"
        } else {
            "# Accuracy\n\nExact-span precision, recall and F1 of `annotate` against the gold files below, scored by \
             `annotate eval` (an entity counts only when its start, end and label all match), with this command:\n\n"
        });
        md.push_str(&format!(
            "```sh\nannotate eval --markdown {}\n```\n\n",
            args.files.join(" ")
        ));
        md.push_str("| gold | documents | names F1 | names + MISC F1 | figures typed F1 | figures untyped F1 |\n");
        md.push_str("|---|---:|---:|---:|---:|---:|\n");
        let f1 = |p: &Option<eval::Prf>| {
            p.as_ref()
                .map_or("–".to_string(), |p| format!("{:.4}", p.f1))
        };
        for (name, _, s) in &done {
            md.push_str(&format!(
                "| {} | {} | {:.4} | {:.4} | {} | {} |\n",
                shown(name),
                s.docs,
                s.names.f1,
                s.names_misc.f1,
                f1(&s.figures_typed),
                f1(&s.figures_untyped)
            ));
        }
        md.push_str(if report {
            "\n\"names\" is PERSON + PLACE + ORG; CoNLL-2003 has no figures, so its figure columns are empty.\n"
        } else {
            "\n\"names\" is PERSON + PLACE + ORG; the figure columns are empty (–) for a gold file without figures.\n"
        });
        for (name, format, s) in &done {
            md.push_str(&format!(
                "\n## {}\n\n{} document(s), {}.\n\n{}",
                shown(name),
                s.docs,
                format.name(),
                eval::to_markdown(s)
            ));
        }
        emit(&mut out, &md);
    }
    if let Err(e) = out.flush() {
        exit_on_write_error(e);
    }
    status
}

fn eval_file(name: &str, args: &Args) -> Result<(eval::GoldFormat, eval::Summary), String> {
    let content = read_text(name)?;
    let (format, docs) = eval::read_gold(name, &content)?;
    if let Some(path) = &args.write_gold {
        write_jsonl(
            path,
            docs.iter()
                .map(|d| json!({"id": d.id, "text": d.text, "entities": d.entities})),
        )?;
    }
    let mut pred: HashMap<String, Vec<Value>> = HashMap::with_capacity(docs.len());
    if let Some(path) = &args.pred {
        let content = read_text(path)?;
        for d in eval::read_docs_jsonl(&content, false).map_err(|e| format!("{path}: {e}"))? {
            pred.insert(d.id.to_string(), d.entities);
        }
    } else {
        for (d, p) in docs.iter().zip(predict(&docs, args)) {
            let entities = p.map_err(|e| format!("{name}: document {}: {e}", d.id))?;
            pred.insert(d.id.to_string(), entities);
        }
        if let Some(path) = &args.write_pred {
            write_jsonl(
                path,
                docs.iter().map(|d| json!({"id": d.id, "entities": pred.get(&d.id.to_string()).cloned().unwrap_or_default()})),
            )?;
        }
    }
    let summary = eval::score(&docs, &pred).map_err(|e| format!("{name}: {e}"))?;
    Ok((format, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Args, Usage> {
        parse_args(s.split_whitespace().map(String::from))
    }

    #[test]
    fn parses_options() {
        let a =
            parse("--format=html -o utf16 --date 2022-01-19 --labels person,DATE a.txt -").unwrap();
        assert_eq!(a.format, Format::Html);
        assert_eq!(a.offsets, OffsetUnit::Utf16);
        assert_eq!(a.options.labels, Some(vec![Label::Person, Label::Date]));
        assert_eq!(a.files, ["a.txt", "-"]);
        assert_eq!(parse("eval g.tsv --json").unwrap().command, Command::Eval);
        assert_eq!(parse("--jsonl").unwrap().command, Command::Jsonl);
        assert_eq!(parse("--jsonl -j3").unwrap().threads, 3);
        assert_eq!(parse("-fconll").unwrap().format, Format::Conll);
    }

    #[test]
    fn an_empty_label_list_asks_for_no_label() {
        for args in [
            &["--labels", ""][..],
            &["--labels", " , "],
            &["--labels="],
            &["-l", ""],
        ] {
            let a = parse_args(args.iter().map(|s| s.to_string())).unwrap();
            assert_eq!(a.options.labels, Some(vec![]), "{args:?}");
            assert!(!a.options.wants(Label::Person));
        }
        assert_eq!(
            parse("a.txt").unwrap().options.labels,
            None,
            "no --labels: every label"
        );
    }

    #[test]
    fn rejects_bad_usage() {
        assert!(parse("--format xml").is_err());
        assert!(parse("--offsets furlongs").is_err());
        assert!(parse("--date 2022-02-30").is_err());
        assert!(parse("--labels PERSON,NOPE").is_err());
        assert!(
            parse("--labels").is_err(),
            "the list itself is still required"
        );
        assert!(parse("--bogus").is_err());
        assert!(parse("--date").is_err());
        assert!(parse("eval").is_err());
        assert!(parse("--json a.txt").is_err());
        assert!(parse("--jsonl --format html").is_err());
        assert!(parse("--threads 0").is_err());
    }

    #[test]
    fn pieces_cover_the_text_and_end_at_breaks() {
        let para = "Anna met Bob in Almaty on January 6. More than 2,000 people came.\n\n";
        let text = para.repeat(20_000);
        let pieces = split_pieces(&text, 4096);
        assert!(pieces.len() > 100);
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces.last().unwrap().end, text.len());
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with("\n\n"));
        }
        for odd in [
            "7".repeat(100_000),
            "é😀".repeat(30_000),
            "a b".repeat(40_000),
        ] {
            let pieces = split_pieces(&odd, 4096);
            assert_eq!(pieces.last().unwrap().end, odd.len());
            assert!(pieces
                .iter()
                .all(|r| odd.is_char_boundary(r.start) && odd.is_char_boundary(r.end)));
        }
        let large = annotate_large(&text, &Options::default(), 2);
        let mut prev = 0;
        for e in &large {
            assert!(e.start >= prev && e.text == text[e.start..e.end]);
            prev = e.end;
        }
        let whole_para = annotate(para, &Options::default()).len();
        assert_eq!(
            large.len(),
            whole_para * 20_000,
            "every paragraph annotated as on its own"
        );
        // one document: a name has one group (and one label) across all the pieces
        let anna: Vec<_> = large.iter().filter(|e| e.text == "Anna").collect();
        assert_eq!(anna.len(), 20_000);
        assert!(
            anna.iter()
                .all(|e| e.group == anna[0].group && e.label == anna[0].label),
            "groups across pieces"
        );
        // the label filter applies after the whole-text steps
        let only = Options {
            labels: Some(vec![Label::Place]),
            ..Options::default()
        };
        let places = annotate_large(&text, &only, 2);
        assert!(!places.is_empty() && places.iter().all(|e| e.label == Label::Place));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"a\ud800b"}"#),
            r#"{"text":"a\uFFFDb"}"#
        );
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\ud83d\ude00"}"#),
            r#"{"text":"\ud83d\ude00"}"#
        );
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\\ud800"}"#),
            r#"{"text":"\\ud800"}"#
        );
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\udc00x"}"#),
            r#"{"text":"\uFFFDx"}"#
        );
    }
}
