//! Training runs end to end on a tiny corpus this project wrote (tests/data/tiny.conll), and the model it
//! writes reads back and tags.

use article_annotator::names::{model::Model, resources::Resources, tag_with, train};
use article_annotator::text::Document;
use article_annotator::Label;
use std::path::Path;

#[test]
fn reads_conll_like_the_evaluation_script() {
    let docs = train::read_bio("-DOCSTART- -X- O\n\nA B C O\nx O O O\n\n-LRB- x x I-ORG\nUS x x I-ORG\n\n-DOCSTART- -X- O\n\nKim x x I-PER\n");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text, "A x\n( US");
    assert_eq!(docs[0].spans, vec![(4, 8, Label::Org)]);
    assert_eq!(docs[1].spans, vec![(0, 3, Label::Person)]);
}

#[test]
fn projects_gold_spans_onto_tokens() {
    let doc = Document::new("He met Kim Jong Un 's aide in the U.S. .");
    let tags = train::project(&doc, &[(7, 18, Label::Person), (34, 38, Label::Place)]);
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
    let at = |w: &str| tags[words.iter().position(|x| *x == w).unwrap()];
    assert_eq!(
        (at("Kim"), at("Jong"), at("Un"), at("aide"), at("U.S.")),
        (1, 2, 2, 0, 3)
    );
}

#[test]
fn trains_end_to_end_on_a_tiny_corpus() {
    let tiny = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny.conll");
    let mut res = Resources::default();
    res.add_phrase("Oslo", 1);
    let cfg = train::Config {
        train: vec![tiny.clone()],
        dev: vec![tiny.clone()],
        resources: res,
        epochs: 5,
        step: 0.01,
        ..Default::default()
    };
    let a = train::train(&cfg).unwrap();
    let b = train::train(&cfg).unwrap();
    let bytes = a.model.to_bytes();
    assert_eq!(bytes, b.model.to_bytes(), "training is deterministic");
    let model = Model::from_bytes(&bytes).unwrap();
    // It learned its own training data.
    let sc = train::evaluate(&model, &train::read_file(&tiny).unwrap());
    assert!(
        sc.f1(&[Label::Person, Label::Place, Label::Org]) > 0.9,
        "{}",
        sc.summary()
    );
    let doc = Document::new("Maria Lindqvist visited Oslo .");
    let found: Vec<(String, Label)> = tag_with(&model, &doc)
        .into_iter()
        .map(|e| (e.text, e.label))
        .collect();
    assert!(
        found.contains(&("Maria Lindqvist".into(), Label::Person)),
        "{found:?}"
    );
    assert!(found.contains(&("Oslo".into(), Label::Place)), "{found:?}");
}
