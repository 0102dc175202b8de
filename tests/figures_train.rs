//! The figure filter trains end to end on a tiny BIO corpus written here, and the model it writes reads back.

use article_annotator::figures::filter::{Model, HEADER};
use article_annotator::figures::train::{examples, parse_bio, prf, train, tune_threshold, Config};

/// `one` is a cardinal before a noun and not in `one of`; `the morning` is a TIME after `in`.
fn corpus() -> String {
    let mut s = String::from("-DOCSTART-\t-X-\tO\n\n");
    for _ in 0..20 {
        s += "We\tO\nsaw\tO\none\tB-CARDINAL\ndog\tO\n.\tO\n\n";
        s += "It\tO\nis\tO\none\tO\nof\tO\nthem\tO\n.\tO\n\n";
        s += "They\tO\nleft\tO\nin\tO\nthe\tB-TIME\nmorning\tI-TIME\n.\tO\n\n";
        s += "Prices\tO\nrose\tO\n12\tB-PERCENT\n%\tI-PERCENT\n.\tO\n\n";
    }
    s
}

#[test]
fn trains_on_a_tiny_corpus() {
    let docs = parse_bio(&corpus());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].spans.len(), 60);
    let cfg = Config {
        bits: 10,
        epochs: 10,
        ..Config::default()
    };
    let (ex, n_gold) = examples(&docs, cfg.bits);
    // the rules read `one` twice a round and `12 %`; the extras add `the morning`
    assert!(ex.len() >= 80, "{} candidates", ex.len());
    let mut m = train(&ex, &cfg);
    let f = tune_threshold(&mut m, &ex, n_gold);
    assert!(f > 0.99, "F1 {f} on its own training data");
    let (p, r, _) = prf(&m, &ex, n_gold, &m.per_label);
    assert!(p > 0.99 && r > 0.99, "P {p} R {r}");
    // the format round-trips, and training is deterministic
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.threshold, m.threshold);
    assert_eq!(back.per_label, m.per_label);
    assert_eq!(back.floor, m.floor);
    assert_eq!(back.weights.len(), 1 << 10);
    // (bytes 12..16 and 20..HEADER hold the tuned thresholds and floor, left at 0.5 and 0 by train)
    assert_eq!(train(&ex, &cfg).to_bytes()[HEADER..], bytes[HEADER..]);
    assert!(Model::from_bytes(&bytes[..10]).is_none());
}

#[test]
fn anchors_below_the_floor_are_judged_like_any_candidate() {
    use article_annotator::figures::filter::{decide, floor_anchors, floored, rank};
    use article_annotator::Label;
    // three anchors (flag 1) with digits (flag 2), all below their threshold of 0.3
    let probs = [0.05f32, 0.05, 0.2];
    let spans: Vec<(usize, usize, f32)> = [(0, 3), (10, 14), (20, 22)]
        .iter()
        .zip(&probs)
        .map(|(&(s, e), &p)| (s, e, rank(p, 0.3)))
        .collect();
    let flags = [3u8, 3, 3];
    // without a floor every anchor is kept, however unlikely
    assert_eq!(
        decide(&spans, &floor_anchors(&flags, &[true; 3], &probs, 0.0)),
        [0, 1, 2]
    );
    // with one, those the floor applies to and below it are dropped; the others stay anchors
    let kept = decide(
        &spans,
        &floor_anchors(&flags, &[true, false, true], &probs, 0.1),
    );
    assert_eq!(kept, [1, 2]);
    // the floor is for bare counts only: a doubtful date or time is still one
    let slot = |l: Label| l as usize + 16;
    assert!(floored(slot(Label::Number)));
    assert!(!floored(slot(Label::Date)) && !floored(slot(Label::Time)));
}
