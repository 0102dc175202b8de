//! The JavaScript API (src/wasm.rs), run by `wasm-bindgen-test` in Node and in headless Chromium:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown --test wasm                      # Node
//! WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown --test wasm                      # Chromium
//! ```
//!
//! `make test` runs both. The texts are written for these tests; none is taken from a corpus.
#![cfg(target_arch = "wasm32")]

use article_annotator::text::offsets::{entities_to_unit, OffsetUnit};
use article_annotator::{wasm, Entity, Label, Options};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A text of our own with figures after astral characters (emoji, a ZWJ family, a mathematical letter).
const EMOJI_TEXT: &str = "🇰🇿👩‍👩‍👧 More than 2,000 troops arrived on January 6, 2022. \
𝐀 second convoy of 1,500 followed at 3 p.m., about 12% of the force. 😀 Prices rose by $4.5 billion.";

fn call(text: &JsValue, options: &JsValue) -> Result<Vec<JsValue>, String> {
    match wasm::annotate(text, options) {
        Ok(v) => Ok(v
            .dyn_into::<Array>()
            .expect("annotate returns an array")
            .to_vec()),
        Err(e) => {
            let v: JsValue = e.into();
            let err = v
                .dyn_into::<js_sys::Error>()
                .expect("errors are JavaScript Error objects");
            Err(String::from(err.message()))
        }
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap()
}

fn num(obj: &JsValue, key: &str) -> u32 {
    get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number")) as u32
}

fn options(labels: Option<&[&str]>, date: Option<&str>) -> JsValue {
    let o = Object::new();
    if let Some(labels) = labels {
        let arr: Array = labels.iter().map(|l| JsValue::from_str(l)).collect();
        Reflect::set(&o, &"labels".into(), &arr).unwrap();
    }
    if let Some(d) = date {
        Reflect::set(&o, &"date".into(), &JsValue::from_str(d)).unwrap();
    }
    o.into()
}

/// Every entity's offsets index the JavaScript string: `text.slice(start, end) === entity.text`.
fn assert_slices(js_text: &JsString, entities: &[JsValue]) {
    let mut last_end = 0;
    for e in entities {
        let (start, end) = (num(e, "start"), num(e, "end"));
        assert!(
            start < end && start >= last_end,
            "sorted, non-overlapping, non-empty: {start}..{end}"
        );
        assert!(end <= js_text.length());
        let slice = js_text.slice(start, end);
        assert_eq!(JsValue::from(slice), get(e, "text"), "slice {start}..{end}");
        last_end = end;
    }
}

fn has(entities: &[JsValue], label: &str, text: &str) -> bool {
    entities.iter().any(|e| {
        get(e, "label").as_string().as_deref() == Some(label)
            && get(e, "text").as_string().as_deref() == Some(text)
    })
}

#[wasm_bindgen_test]
fn offsets_are_javascript_indices_after_emoji() {
    let js_text = JsString::from(EMOJI_TEXT);
    let entities = call(&js_text.clone().into(), &JsValue::UNDEFINED).unwrap();
    assert!(
        has(&entities, "NUMBER", "More than 2,000"),
        "finds the qualified number after emoji"
    );
    assert!(
        has(&entities, "PERCENT", "about 12%"),
        "finds the percentage after emoji"
    );
    assert_slices(&js_text, &entities);
    // The first figure starts after the flag (4 units), the family (8 units) and a space.
    let first = entities
        .iter()
        .find(|e| get(e, "text").as_string().as_deref() == Some("More than 2,000"))
        .unwrap();
    assert_eq!(num(first, "start"), 13);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_right() {
    // "\uD800 More than 2,000 troops \uDC00\uDC00 arrived on January 6, 2022; 😀 12% \uDBFF left." with
    // unpaired surrogates, which no Rust string can hold: the API must still return JavaScript indices.
    let mut units: Vec<u16> = vec![0xD800];
    units.extend(" More than 2,000 troops ".encode_utf16());
    units.extend([0xDC00, 0xDC00]);
    units.extend(" arrived on January 6, 2022; 😀 12% ".encode_utf16());
    units.push(0xDBFF);
    units.extend(" left.".encode_utf16());
    let js_text = JsString::from_char_code(&units);
    assert_eq!(js_text.length() as usize, units.len());
    let entities = call(&js_text.clone().into(), &JsValue::UNDEFINED).unwrap();
    assert!(has(&entities, "NUMBER", "More than 2,000"));
    assert!(has(&entities, "PERCENT", "12%"));
    assert_slices(&js_text, &entities);
    let pct = entities
        .iter()
        .find(|e| get(e, "text").as_string().as_deref() == Some("12%"))
        .unwrap();
    assert_eq!(
        String::from_utf16_lossy(&units).encode_utf16().count(),
        units.len(),
        "one unit per unit"
    );
    let pct_units: Vec<u16> = "12%".encode_utf16().collect();
    let at = units
        .windows(3)
        .position(|w| w == pct_units.as_slice())
        .unwrap();
    assert_eq!(num(pct, "start") as usize, at);
}

#[wasm_bindgen_test]
fn equals_the_rust_api_on_the_same_text() {
    let text = format!("{EMOJI_TEXT}\n\nAl-Farabi Kazakh National University said on Wednesday that 40.2 kilometers of road, \
        the first in the region, cost 20 million euros; around 1:15 the 21st truck left Almaty.");
    for opts in [
        Options::default(),
        Options {
            labels: Some(vec![Label::Date, Label::Person]),
            document_date: None,
        },
    ] {
        let js_opts = match &opts.labels {
            None => JsValue::UNDEFINED,
            Some(_) => options(Some(&["DATE", "PERSON"]), Some("2022-01-19")),
        };
        let mut opts = opts;
        if opts.labels.is_some() {
            opts.document_date = Some(article_annotator::CivilDate::parse("2022-01-19").unwrap());
        }
        let from_js: Vec<Entity> = call(&JsValue::from_str(&text), &js_opts)
            .unwrap()
            .into_iter()
            .map(|v| {
                serde_wasm_bindgen::from_value(v).expect("entities deserialise as the Rust type")
            })
            .collect();
        let mut native = article_annotator::annotate(&text, &opts);
        entities_to_unit(&text, &mut native, OffsetUnit::Utf16);
        assert!(!native.is_empty(), "the text has figures");
        assert_eq!(from_js, native);
    }
}

#[wasm_bindgen_test]
fn labels_and_date_options_apply() {
    let text = "On Wednesday, more than 2,000 people met; 12% left at 3 p.m.";
    let only_pct = call(&JsValue::from_str(text), &options(Some(&["PERCENT"]), None)).unwrap();
    assert!(!only_pct.is_empty());
    assert!(only_pct
        .iter()
        .all(|e| get(e, "label").as_string().as_deref() == Some("PERCENT")));
    let lower = call(&JsValue::from_str(text), &options(Some(&["percent"]), None)).unwrap();
    assert_eq!(lower.len(), only_pct.len(), "label names ignore case");
    let dated = call(
        &JsValue::from_str(text),
        &options(Some(&["DATE"]), Some("2022-01-19")),
    )
    .unwrap();
    let wednesday = dated
        .iter()
        .find(|e| get(e, "text").as_string().as_deref() == Some("Wednesday"))
        .expect("weekday found");
    let value = get(wednesday, "value");
    assert_eq!(
        get(&value, "date").as_string().as_deref(),
        Some("2022-01-19"),
        "resolved against the document date"
    );
    // an empty list asks for no label (as the CLI's `--labels ""`); null or absent asks for every label
    assert!(call(&JsValue::from_str(text), &options(Some(&[]), None))
        .unwrap()
        .is_empty());
    assert!(!call(&JsValue::from_str(text), &options(None, None))
        .unwrap()
        .is_empty());
    // null options and empty text are fine
    assert!(call(&JsValue::from_str(""), &JsValue::NULL)
        .unwrap()
        .is_empty());
    assert!(call(&JsValue::from_str("   \n\t "), &Object::new().into())
        .unwrap()
        .is_empty());
}

#[wasm_bindgen_test]
fn bad_options_throw_clear_errors() {
    let text = JsValue::from_str("More than 2,000 people.");
    let cases: Vec<(JsValue, JsValue, &str)> = vec![
        (
            text.clone(),
            options(Some(&["PEOPLE"]), None),
            "unknown label \"PEOPLE\"",
        ),
        (
            text.clone(),
            options(None, Some("2022-13-01")),
            "options.date",
        ),
        (
            text.clone(),
            options(None, Some("19/01/2022")),
            "YYYY-MM-DD",
        ),
        (
            text.clone(),
            JsValue::from_f64(42.0),
            "options must be an object",
        ),
        (
            text.clone(),
            JsValue::from_str("PERSON"),
            "options must be an object",
        ),
        (
            text.clone(),
            Array::new().into(),
            "options must be an object",
        ),
        (
            JsValue::from_f64(42.0),
            JsValue::UNDEFINED,
            "text must be a string, got the number 42",
        ),
        (
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
            "text must be a string, got undefined",
        ),
        (JsValue::NULL, JsValue::UNDEFINED, "text must be a string"),
    ];
    for (t, o, want) in cases {
        let err = call(&t, &o).expect_err(want);
        assert!(
            err.contains(want),
            "message {err:?} should contain {want:?}"
        );
        assert!(
            err.starts_with("annotate: "),
            "message {err:?} names the function"
        );
    }
    let unknown = Object::new();
    Reflect::set(&unknown, &"lables".into(), &Array::new()).unwrap();
    let err = call(&text, &unknown.into()).unwrap_err();
    assert!(err.contains("lables"), "{err}");
    let wrong_type = Object::new();
    Reflect::set(&wrong_type, &"labels".into(), &JsValue::from_str("PERSON")).unwrap();
    let err = call(&text, &wrong_type.into()).unwrap_err();
    assert!(err.contains("options.labels must be an array"), "{err}");
    // after errors the instance still works (no trap)
    assert!(call(&text, &JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn hostile_text_is_just_text() {
    let texts = [
        "<img src=x onerror=alert(1)> <script>alert(2)</script> 12% of 2,000",
        "\u{0}\u{0}NUL 5 \u{0}",
        "مرحبا 2022 עברית 12%",
        "e\u{301}\u{301}\u{301} 1,000",
        &"9".repeat(100_000),
        &"word".repeat(50_000),
    ];
    for t in texts {
        let js = JsString::from(t);
        let entities = call(&js.clone().into(), &JsValue::UNDEFINED).unwrap();
        assert_slices(&js, &entities);
    }
}

#[wasm_bindgen_test]
fn labels_and_version_are_exported() {
    let labels: Vec<String> = wasm::js_labels()
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    assert_eq!(labels.len(), 11);
    assert_eq!(labels[0], "PERSON");
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}
