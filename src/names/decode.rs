//! Viterbi decoding under the BIO constraints, and tag marginals (forward-backward) for confidences.

use super::model::{allowed, NT};

/// The best tag sequence for per-token `emissions` (one score per tag), given start and transition scores.
pub fn viterbi(emissions: &[[f32; NT]], start: &[f32; NT], trans: &[[f32; NT]; NT]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NT]; n];
    let mut cur = [f32::NEG_INFINITY; NT];
    for y in 0..NT {
        if allowed(None, y) {
            cur[y] = start[y] + emissions[0][y];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; NT];
        for y in 0..NT {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..NT {
                if cur[p] == f32::NEG_INFINITY || !allowed(Some(p), y) {
                    continue;
                }
                let s = cur[p] + trans[p][y];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[y] = best + emissions[t][y];
            back[t][y] = arg;
        }
        cur = next;
    }
    let mut y = (0..NT).fold(0, |b, y| if cur[y] > cur[b] { y } else { b });
    let mut path = vec![0usize; n];
    for t in (0..n).rev() {
        path[t] = y;
        y = back[t][y] as usize;
    }
    path
}

/// Per-token tag probabilities of the sequence model with potentials `exp(score / temperature)`
/// (forward-backward in log space; disallowed BIO moves have probability 0).
pub fn marginals(
    emissions: &[[f32; NT]],
    start: &[f32; NT],
    trans: &[[f32; NT]; NT],
    temperature: f32,
) -> Vec<[f32; NT]> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let inv = 1.0 / temperature.max(1e-3);
    let mut lt = [[NEG; NT]; NT];
    for p in 0..NT {
        for y in 0..NT {
            if allowed(Some(p), y) {
                lt[p][y] = trans[p][y] * inv;
            }
        }
    }
    let lse = |v: &[f32; NT]| -> f32 {
        let m = v.iter().cloned().fold(NEG, f32::max);
        if m == NEG {
            return NEG;
        }
        m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
    };
    let mut alpha = vec![[NEG; NT]; n];
    for y in 0..NT {
        if allowed(None, y) {
            alpha[0][y] = (start[y] + emissions[0][y]) * inv;
        }
    }
    for t in 1..n {
        for y in 0..NT {
            let mut v = [NEG; NT];
            for p in 0..NT {
                v[p] = alpha[t - 1][p] + lt[p][y];
            }
            alpha[t][y] = lse(&v) + emissions[t][y] * inv;
        }
    }
    let mut beta = [0f32; NT];
    let mut out = vec![[0f32; NT]; n];
    for t in (0..n).rev() {
        let mut m = [NEG; NT];
        for y in 0..NT {
            m[y] = alpha[t][y] + beta[y];
        }
        let z = lse(&m);
        for y in 0..NT {
            out[t][y] = if z.is_finite() { (m[y] - z).exp() } else { 1.0 / NT as f32 };
        }
        if t > 0 {
            let mut b = [NEG; NT];
            for p in 0..NT {
                let mut v = [NEG; NT];
                for y in 0..NT {
                    v[y] = lt[p][y] + emissions[t][y] * inv + beta[y];
                }
                b[p] = lse(&v);
            }
            beta = b;
        }
    }
    out
}
