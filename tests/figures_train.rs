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
    assert_eq!(back.weights.len(), 1 << 10);
    // (bytes 12..16 and 20..HEADER hold the tuned thresholds, left at 0.5 by train)
    assert_eq!(train(&ex, &cfg).to_bytes()[HEADER..], bytes[HEADER..]);
    assert!(Model::from_bytes(&bytes[..10]).is_none());
}
