//! The WebAssembly API: a thin layer over [`crate::annotate`] for JavaScript callers.
//!
//! ```js
//! import init, { annotate } from "./pkg/article_annotator.js";
//! await init();
//! const entities = annotate(text, { labels: ["PERSON", "DATE"], date: "2022-01-19" });
//! entities.forEach(e => console.log(text.slice(e.start, e.end), e.label));
//! ```
//!
//! Why it looks the way it does:
//!
//! - **Offsets are JavaScript string indices** (UTF-16 code units), so `text.slice(e.start, e.end) === e.text`
//!   holds for every entity, also after emoji and other astral characters (GUIDE section 3).
//! - **Lone surrogates keep offsets right.** A JavaScript string may hold unpaired surrogates, which no Rust
//!   `String` can. Each one becomes U+FFFD, which is itself one UTF-16 unit, so the decoded text has exactly
//!   the caller's length in UTF-16 units and offsets computed on it index the caller's string. The fast path
//!   lets the engine's `TextEncoder` do this replacement (it replaces one unit by one U+FFFD, like
//!   `String::from_utf16_lossy`); the length check below catches any engine that would not, and then the text
//!   is decoded unit by unit.
//! - **Bad input throws, never traps.** A non-string text, unknown option, unknown label or malformed date
//!   becomes a JavaScript `Error` whose message says what was wrong and what is expected. The module is built
//!   with `panic = "abort"`, so a panic would kill the instance: this layer validates everything first, and the
//!   core promises never to panic on any text.
//! - **Plain objects out.** Entities are plain objects (not `Map`s), fields exactly as in GUIDE section 2;
//!   absent `group` and `value` are left out, as in the CLI's JSON. They are built by a few lines of
//!   JavaScript from one flat array of numbers (`build_entities`), `text` sliced from the caller's string;
//!   `value` objects come from `serde-wasm-bindgen`.

use crate::text::offsets::{entities_to_unit, OffsetUnit};
use crate::{CivilDate, Entity, Label, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// The option names [`JsOptions`] knows.
const OPTION_NAMES: [&str; 2] = ["labels", "date"];

/// The options object that JavaScript passes; every field is optional.
#[derive(Deserialize, Default)]
struct JsOptions {
    /// Only these labels, e.g. `["PERSON", "DATE"]`; absent or `null` means every label, `[]` none (as the CLI's
    /// `--labels ""` and the embeds' `labels=""`).
    #[serde(default)]
    labels: Option<Vec<String>>,
    /// The document's date, `YYYY-MM-DD`, to resolve `Wednesday` or `last year`.
    #[serde(default)]
    date: Option<String>,
}

/// Annotates `text` and returns its entities (GUIDE section 2) with UTF-16 offsets, sorted by `start`.
///
/// `options` may be `undefined`, `null` or an object `{labels?: string[], date?: "YYYY-MM-DD"}`.
/// Throws an `Error` with a clear message on a non-string text or bad options.
#[wasm_bindgen(skip_typescript)]
pub fn annotate(text: &JsValue, options: &JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let js_text = text;
    let text = receive_text(text)?;
    let entities = annotate_utf16(&text, &options);
    // Six numbers an entity, built into objects by `build_entities` below in one call.
    let mut nums = Vec::with_capacity(entities.len() * 6);
    let mut values = Vec::new();
    for e in &entities {
        let label = Label::ALL.iter().position(|&l| l == e.label).unwrap_or(0);
        nums.extend([
            e.start as f64,
            e.end as f64,
            label as f64,
            crate::entity::rounded_score(e.score),
        ]);
        nums.push(e.group.map_or(-1.0, f64::from));
        nums.push(match &e.value {
            Some(v) => {
                values.push(v);
                (values.len() - 1) as f64
            }
            None => -1.0,
        });
    }
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let values = serde::Serialize::serialize(&values, &serializer)
        .map_err(|e| JsError::new(&format!("annotate: could not build the result: {e}")))?;
    LABELS.with(|labels| Ok(build_entities(js_text, &nums, labels, &values)))
}

thread_local! {
    /// `Label::ALL` as JavaScript strings, made once.
    static LABELS: js_sys::Array = Label::ALL.iter().map(|l| JsValue::from_str(l.as_str())).collect();
}

// The entity objects are built on the JavaScript side from a flat array of numbers: building them field by
// field through serde-wasm-bindgen crossed the wasm/JavaScript boundary about ten times an entity (about 8%
// of the page API's time on the OntoNotes dev text). `text` is sliced from the caller's own string, so it is
// exactly `text.slice(start, end)`, lone surrogates included. Fields and their order are those of the
// serialised `Entity` (GUIDE section 2); `group` and `value` are left out when absent.
#[wasm_bindgen(
    inline_js = "export function build_entities(text, nums, labels, values) {
  const n = nums.length / 6, out = new Array(n);
  for (let k = 0, i = 0; k < n; k++, i += 6) {
    const start = nums[i], end = nums[i + 1];
    const e = { start, end, label: labels[nums[i + 2]], text: text.slice(start, end), score: nums[i + 3] };
    if (nums[i + 4] >= 0) e.group = nums[i + 4];
    if (nums[i + 5] >= 0) e.value = values[nums[i + 5]];
    out[k] = e;
  }
  return out;
}"
)]
extern "C" {
    fn build_entities(
        text: &JsValue,
        nums: &[f64],
        labels: &js_sys::Array,
        values: &JsValue,
    ) -> JsValue;
}

/// The labels this build knows, names first: `["PERSON", "PLACE", ..., "ORDINAL"]`.
#[wasm_bindgen(js_name = labels, skip_typescript)]
pub fn js_labels() -> Vec<JsValue> {
    Label::ALL
        .iter()
        .map(|l| JsValue::from_str(l.as_str()))
        .collect()
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A label of GUIDE section 1. */
export type Label = "PERSON" | "PLACE" | "ORG" | "MISC" | "NUMBER" | "MONEY" | "PERCENT" | "QUANTITY"
  | "DATE" | "TIME" | "ORDINAL";
/** How a qualifier bounds a number (`More than 2,000`: "more_than"). */
export type Approx = "more_than" | "at_least" | "less_than" | "at_most" | "about" | "nearly";
type ValueKey = "number" | "approx" | "to" | "amount" | "currency" | "percent" | "unit" | "date" | "weekday" | "duration" | "time";
/** One value shape, with the other shapes' keys absent (so `value?.number` type-checks without a cast). */
type OnlyValue<T> = T & { [K in Exclude<ValueKey, keyof T>]?: undefined };
/**
 * A figure's normalised value (GUIDE section 2): NUMBER and ORDINAL `{number, approx?}`; MONEY `{amount, currency}`
 * (ISO 4217); PERCENT `{percent}`; QUANTITY `{amount, unit}`; DATE `{date}` (ISO 8601 as far as the text goes),
 * `{weekday}` or `{duration}` (ISO 8601 duration); TIME `{time}` ("HH:MM"). A range of numbers, money,
 * percentages or quantities (`10-12 million`, `$4.5bn-$5bn`) is valued by its first end, with the other as `to`.
 */
export type EntityValue =
  | OnlyValue<{ number: number; approx?: Approx; to?: number }>
  | OnlyValue<{ amount: number; currency: string; to?: number }>
  | OnlyValue<{ percent: number; to?: number }>
  | OnlyValue<{ amount: number; unit: string; to?: number }>
  | OnlyValue<{ date: string }>
  | OnlyValue<{ weekday: string }>
  | OnlyValue<{ duration: string }>
  | OnlyValue<{ time: string }>;
/** One entity; start and end are JavaScript string indices (UTF-16 code units), end exclusive. */
export interface Entity {
  start: number; end: number; label: Label; text: string; score: number;
  group?: number; value?: EntityValue;
}
export interface AnnotateOptions {
  /** Only these labels; absent or null: every label; []: none (the result is then []). */
  labels?: Label[] | null;
  /** The document's date, "YYYY-MM-DD", to resolve weekdays and relative dates. */
  date?: string | null;
}
/** Annotates text; throws an Error on a non-string text or bad options. */
export function annotate(text: string, options?: AnnotateOptions | null): Entity[];
/** Every label, names first. */
export function labels(): Label[];
/** The crate's version. */
export function version(): string;
"#;

/// Annotates already-decoded text and converts offsets to UTF-16 code units.
///
/// Public to the crate's wasm tests, which compare it against the JavaScript-facing function.
pub fn annotate_utf16(text: &str, options: &Options) -> Vec<Entity> {
    let mut entities = crate::annotate(text, options);
    entities_to_unit(text, &mut entities, OffsetUnit::Utf16);
    entities
}

/// Reads a JavaScript string as Rust text with the same length in UTF-16 units (see the module docs).
fn receive_text(value: &JsValue) -> Result<String, JsError> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new(&format!(
            "annotate: text must be a string, got {}",
            describe(value)
        )));
    };
    let units = js.length() as usize;
    if let Some(s) = value.as_string() {
        if s.len() == units || s.encode_utf16().count() == units {
            return Ok(s);
        }
    }
    // The engine's encoder did not keep one unit per unit: decode the UTF-16 ourselves.
    let buf: Vec<u16> = js.iter().collect();
    Ok(String::from_utf16_lossy(&buf))
}

/// Turns the JavaScript options value into core [`Options`], or a clear error.
fn parse_options(value: &JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(&format!(
            "annotate: options must be an object like {{labels: [\"PERSON\"], date: \"2022-01-19\"}}, got {}",
            describe(value)
        )));
    }
    // serde-wasm-bindgen reads only the fields it knows, so a misspelt option would pass silently: check keys.
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "annotate: unknown option {key:?}; expected {{labels?: string[], date?: \"YYYY-MM-DD\"}}"
            )));
        }
    }
    // A string where a list belongs ("PERSON") would fail deep inside serde-wasm-bindgen with
    // "Reflect.get called on non-object"; say what is wrong instead.
    if let Ok(labels) = js_sys::Reflect::get(value, &JsValue::from_str("labels")) {
        if !labels.is_undefined() && !labels.is_null() && !js_sys::Array::is_array(&labels) {
            return Err(JsError::new(&format!(
                "annotate: options.labels must be an array of label names like [\"PERSON\", \"DATE\"], got {}",
                describe(&labels)
            )));
        }
    }
    let raw: JsOptions = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        JsError::new(&format!(
            "annotate: bad options ({e}); expected {{labels?: string[], date?: \"YYYY-MM-DD\"}}"
        ))
    })?;
    let labels = match raw.labels {
        None => None,
        Some(names) => {
            let mut labels = Vec::with_capacity(names.len());
            for name in &names {
                let label = Label::parse(name).ok_or_else(|| {
                    JsError::new(&format!(
                        "annotate: options.labels: {}",
                        crate::Error::UnknownLabel(name.clone())
                    ))
                })?;
                labels.push(label);
            }
            Some(labels)
        }
    };
    let document_date = match raw.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            CivilDate::parse(d)
                .map_err(|e| JsError::new(&format!("annotate: options.date: {e}")))?,
        ),
    };
    Ok(Options {
        labels,
        document_date,
    })
}

/// A short description of a JavaScript value for error messages.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else if let Some(n) = value.as_f64() {
        format!("the number {n}")
    } else if let Some(b) = value.as_bool() {
        format!("the boolean {b}")
    } else if value.is_string() {
        "a string".into()
    } else if value.is_function() {
        "a function".into()
    } else {
        "an object".into()
    }
}
