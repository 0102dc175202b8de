//! Document-level consistency and mention groups (src/mentions.rs), on entities built by hand so the tests
//! do not depend on the model.

use article_annotator::mentions::{group, make_consistent, resolve};
use article_annotator::text::Document;
use article_annotator::{Entity, Label};

fn ent(text: &str, needle: &str, nth: usize, label: Label, score: f32) -> Entity {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    Entity {
        start,
        end: start + needle.len(),
        label,
        text: needle.into(),
        score,
        group: None,
        value: None,
    }
}

#[test]
fn full_name_surname_and_accented_variant_share_a_group() {
    let text = "Nursultan Nazarbayev ruled for decades. Nazarbayev resigned in 2019. Critics of Nazarbáyev met Kassym Tokayev.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Nursultan Nazarbayev", 0, Label::Person, 0.99),
        ent(text, "Nazarbayev", 1, Label::Person, 0.8),
        ent(text, "Nazarbáyev", 0, Label::Person, 0.7),
        ent(text, "Kassym Tokayev", 0, Label::Person, 0.95),
    ];
    let out = resolve(&doc, names, Vec::new());
    let g: Vec<(String, Option<u32>)> = out.iter().map(|e| (e.text.clone(), e.group)).collect();
    assert_eq!(g[0].1, g[1].1, "{g:?}");
    assert_eq!(g[0].1, g[2].1, "{g:?}");
    assert_ne!(g[0].1, g[3].1, "{g:?}");
    assert_eq!(g[0].1, Some(1));
    assert_eq!(g[3].1, Some(2));
}

#[test]
fn acronym_in_parentheses_joins_its_long_form_and_is_found_later() {
    let text =
        "Troops of the Collective Security Treaty Organization (CSTO) left. The CSTO said so.";
    let doc = Document::new(text);
    // The tagger found only the long form; the acronym and its repeat come from the consistency step.
    let names = vec![ent(
        text,
        "Collective Security Treaty Organization",
        0,
        Label::Org,
        0.97,
    )];
    let out = resolve(&doc, names, Vec::new());
    let csto: Vec<&Entity> = out.iter().filter(|e| e.text == "CSTO").collect();
    assert_eq!(csto.len(), 2, "{out:?}");
    assert!(
        csto.iter()
            .all(|e| e.label == Label::Org && e.group == out[0].group),
        "{out:?}"
    );
}

#[test]
fn acronym_matching_initials_groups_without_parentheses() {
    let text = "The World Health Organization warned. Later the WHO agreed.";
    let doc = Document::new(text);
    let mut names = vec![
        ent(text, "World Health Organization", 0, Label::Org, 0.9),
        ent(text, "WHO", 0, Label::Org, 0.9),
    ];
    group(&doc, &mut names);
    assert_eq!(names[0].group, names[1].group);
}

#[test]
fn labels_agree_across_the_document() {
    let text = "Jordan scored twice. Fans cheered Jordan. Jordan smiled.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Jordan", 0, Label::Place, 0.4),
        ent(text, "Jordan", 1, Label::Person, 0.9),
        ent(text, "Jordan", 2, Label::Person, 0.8),
    ];
    let out = make_consistent(&doc, names);
    assert!(out.iter().all(|e| e.label == Label::Person), "{out:?}");
}

#[test]
fn different_labels_never_share_a_group() {
    let text = "Kazakhstan said Kazakh troops stayed in Kazakhstan.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Kazakhstan", 0, Label::Place, 0.99),
        ent(text, "Kazakh", 1, Label::Misc, 0.9),
        ent(text, "Kazakhstan", 1, Label::Place, 0.99),
    ];
    let out = resolve(&doc, names, Vec::new());
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0].group, out[2].group);
    assert_ne!(out[0].group, out[1].group);
}

#[test]
fn figures_get_no_group() {
    let text = "Paris has 2,000 bridges.";
    let doc = Document::new(text);
    let fig = Entity {
        start: 10,
        end: 15,
        label: Label::Number,
        text: "2,000".into(),
        score: 1.0,
        group: None,
        value: None,
    };
    let out = resolve(
        &doc,
        vec![ent(text, "Paris", 0, Label::Place, 0.9)],
        vec![fig],
    );
    assert_eq!(out[0].group, Some(1));
    assert_eq!(out[1].group, None);
}

#[test]
fn nationality_before_an_organisation_is_part_of_its_name() {
    let text = "The Russian Defense Ministry said so.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Russian", 0, Label::Misc, 0.9),
        ent(text, "Defense Ministry", 0, Label::Org, 0.8),
    ];
    let out = make_consistent(&doc, names);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(
        (out[0].text.as_str(), out[0].label),
        ("Russian Defense Ministry", Label::Org)
    );
}

#[test]
fn a_surname_before_the_full_name_is_that_person() {
    let text = "Trump met Biden. Later, Trump said Biden was wrong. Donald Trump left Washington for George Washington University.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Trump", 0, Label::Org, 0.57),
        ent(text, "Biden", 0, Label::Person, 0.92),
        ent(text, "Trump", 1, Label::Org, 0.93),
        ent(text, "Biden", 1, Label::Person, 0.99),
        ent(text, "Donald Trump", 0, Label::Person, 0.99),
        ent(text, "Washington", 0, Label::Place, 0.99),
        ent(text, "George Washington University", 0, Label::Org, 0.97),
    ];
    let out = resolve(&doc, names, Vec::new());
    let trump: Vec<&Entity> = out.iter().filter(|e| e.text.contains("Trump")).collect();
    assert_eq!(trump.len(), 3, "{out:?}");
    assert!(trump.iter().all(|e| e.label == Label::Person), "{trump:?}");
    assert!(trump.iter().all(|e| e.group == trump[0].group), "{trump:?}");
    // a confident place keeps its label; only people's surnames count
    let place = out.iter().find(|e| e.text == "Washington").unwrap();
    assert_eq!(place.label, Label::Place, "{out:?}");
}

#[test]
fn short_forms_of_an_organisation_join_its_group() {
    let text = "Halvorsen Motors Inc said Halvorsen would hire. Halvorsen Motors shares rose. Manchester City won, \
                and City fans sang. Halvorsen Bank was not involved.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Halvorsen Motors Inc", 0, Label::Org, 0.99),
        // The tagger's unsure guess for the short form.
        ent(text, "Halvorsen", 1, Label::Person, 0.7),
        ent(text, "Halvorsen Motors", 1, Label::Org, 0.96),
        ent(text, "Manchester City", 0, Label::Org, 0.84),
        ent(text, "City", 1, Label::Org, 0.49),
        ent(text, "Halvorsen Bank", 0, Label::Org, 0.9),
    ];
    let out = resolve(&doc, names, Vec::new());
    let got: Vec<(&str, Label, Option<u32>)> = out
        .iter()
        .map(|e| (e.text.as_str(), e.label, e.group))
        .collect();
    assert_eq!(
        got,
        [
            ("Halvorsen Motors Inc", Label::Org, Some(1)),
            ("Halvorsen", Label::Org, Some(1)),
            ("Halvorsen Motors", Label::Org, Some(1)),
            ("Manchester City", Label::Org, Some(2)),
            ("City", Label::Org, Some(2)),
            ("Halvorsen Bank", Label::Org, Some(3)),
        ]
    );
}

#[test]
fn a_place_that_begins_an_organisations_name_stays_a_place_of_its_own() {
    let text = "The Chicago Board of Trade opened late. Chicago was cold.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Chicago Board of Trade", 0, Label::Org, 0.98),
        ent(text, "Chicago", 1, Label::Place, 0.6),
    ];
    let out = resolve(&doc, names, Vec::new());
    assert_eq!(out[1].label, Label::Place, "{out:?}");
    assert_ne!(out[0].group, out[1].group, "{out:?}");
}

#[test]
fn the_same_name_in_another_script_in_parentheses_joins_the_group() {
    let text = "Vladimir Putin (Владимир Путин) spoke. Angela Merkel (Merkel) listened.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Vladimir Putin", 0, Label::Person, 0.99),
        ent(text, "Владимир Путин", 0, Label::Person, 0.6),
        ent(text, "Angela Merkel", 0, Label::Person, 0.99),
    ];
    let out = resolve(&doc, names, Vec::new());
    let putin: Vec<Option<u32>> = out
        .iter()
        .filter(|e| e.text.contains("Путин") || e.text.contains("Putin"))
        .map(|e| e.group)
        .collect();
    assert_eq!(putin, [Some(1), Some(1)], "{out:?}");
    assert!(
        out.iter()
            .all(|e| !e.text.contains("Merkel") || e.group == Some(2)),
        "{out:?}"
    );
}

#[test]
fn an_organisation_named_after_its_short_form_joins_it() {
    let text = "Halvorsen said on Monday it would hire. Later, Halvorsen Motors Inc confirmed it.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Halvorsen", 0, Label::Org, 0.8),
        ent(text, "Halvorsen Motors Inc", 0, Label::Org, 0.99),
    ];
    let out = resolve(&doc, names, Vec::new());
    assert_eq!(out[0].group, out[1].group, "{out:?}");
}

#[test]
fn a_storms_name_is_one_misc_with_its_kind() {
    let text =
        "Hurricane Milton hit Florida. Typhoon Haiyan was worse. Tropical Storm Debby weakened.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Milton", 0, Label::Person, 0.8),
        ent(text, "Florida", 0, Label::Place, 0.99),
        ent(text, "Typhoon Haiyan", 0, Label::Person, 0.7),
        ent(text, "Debby", 0, Label::Person, 0.6),
    ];
    let out = resolve(&doc, names, Vec::new());
    let got: Vec<(&str, Label)> = out.iter().map(|e| (e.text.as_str(), e.label)).collect();
    assert_eq!(
        got,
        [
            ("Hurricane Milton", Label::Misc),
            ("Florida", Label::Place),
            ("Typhoon Haiyan", Label::Misc),
            ("Tropical Storm Debby", Label::Misc)
        ]
    );
}

#[test]
fn a_son_named_jr_is_not_his_father() {
    let text = "Donald Trump Jr. said his father, Donald Trump, would win. Trump Jr. added more.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Donald Trump Jr.", 0, Label::Person, 0.99),
        ent(text, "Donald Trump", 1, Label::Person, 0.99),
        ent(text, "Trump Jr.", 1, Label::Person, 0.9),
    ];
    let out = resolve(&doc, names, Vec::new());
    let g: Vec<(String, Option<u32>)> = out.iter().map(|e| (e.text.clone(), e.group)).collect();
    assert_ne!(g[0].1, g[1].1, "{g:?}");
    assert_eq!(g[0].1, g[2].1, "{g:?}");
}

#[test]
fn an_acronym_with_a_lowercase_joining_initial_groups_with_its_long_form() {
    let text = "The Bank of England raised rates. The BoE said inflation was high. The Bank of Japan waited.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "Bank of England", 0, Label::Org, 0.99),
        ent(text, "BoE", 0, Label::Org, 0.9),
        ent(text, "Bank of Japan", 0, Label::Org, 0.99),
    ];
    let out = resolve(&doc, names, Vec::new());
    let g: Vec<(String, Option<u32>)> = out.iter().map(|e| (e.text.clone(), e.group)).collect();
    assert_eq!(g[0].1, g[1].1, "{g:?}");
    assert_ne!(g[0].1, g[2].1, "{g:?}");
}

#[test]
fn a_middle_word_of_a_long_name_is_that_person_before_or_after_it() {
    for (text, first) in [
        (
            "Luiz Inácio Lula da Silva arrived. Lula spoke. Dilma Rousseff left.",
            "Luiz Inácio Lula da Silva",
        ),
        (
            "Lula arrived. Luiz Inácio Lula da Silva spoke. Dilma Rousseff left.",
            "Lula",
        ),
    ] {
        let doc = Document::new(text);
        let (long, short) = ("Luiz Inácio Lula da Silva", "Lula");
        let short_at = if first == long { 1 } else { 0 };
        let names = vec![
            ent(text, long, 0, Label::Person, 0.99),
            ent(text, short, short_at, Label::Person, 0.9),
            ent(text, "Dilma Rousseff", 0, Label::Person, 0.9),
        ];
        let out = resolve(&doc, names, Vec::new());
        let g = |t: &str| out.iter().find(|e| e.text == t).unwrap().group;
        assert_eq!(g(long), g(short), "{text}");
        assert_ne!(g(long), g("Dilma Rousseff"), "{text}");
    }
    // a middle name of a three-word name is not enough (`Fitzgerald` may be someone else)
    let text = "John Fitzgerald Kennedy spoke. Fitzgerald wrote novels.";
    let doc = Document::new(text);
    let names = vec![
        ent(text, "John Fitzgerald Kennedy", 0, Label::Person, 0.99),
        ent(text, "Fitzgerald", 1, Label::Person, 0.9),
    ];
    let out = resolve(&doc, names, Vec::new());
    assert_ne!(out[0].group, out[1].group);
}
