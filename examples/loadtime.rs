fn main() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let m = article_annotator::names::model::Model::from_bytes(article_annotator::names::MODEL_BYTES).unwrap();
        let t1 = t.elapsed();
        let t = std::time::Instant::now();
        let (c, g) = m.resources.to_bytes();
        let t2 = t.elapsed();
        let t = std::time::Instant::now();
        let r = article_annotator::names::resources::Resources::from_bytes(&c, &g).unwrap();
        let t3 = t.elapsed();
        println!("model {t1:?} (resources alone {t3:?}; {} clusters {} gaz) {t2:?}", r.clusters.len(), r.gazetteer.len());
    }
}
