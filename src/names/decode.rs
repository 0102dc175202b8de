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

/// Per-token tag probabilities of the sequence model with potentials `exp(score / temperature)`, computed
/// with a scaled forward-backward pass in probability space (no logarithms in the inner loop).
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
    let inv = 1.0 / temperature.max(1e-3);
    let mut et = [[0f32; NT]; NT];
    for p in 0..NT {
        for y in 0..NT {
            et[p][y] = if allowed(Some(p), y) { (trans[p][y] * inv).clamp(-60.0, 60.0).exp() } else { 0.0 };
        }
    }
    // Emission potentials, shifted by the token's best score for numerical range.
    let pot: Vec<[f32; NT]> = emissions
        .iter()
        .map(|e| {
            let m = e.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
            let mut o = [0f32; NT];
            for y in 0..NT {
                o[y] = ((e[y] - m) * inv).max(-60.0).exp();
            }
            o
        })
        .collect();
    let norm = |v: &mut [f32; NT]| {
        let s: f32 = v.iter().sum();
        if s > 0.0 && s.is_finite() {
            v.iter_mut().for_each(|x| *x /= s);
        } else {
            *v = [1.0 / NT as f32; NT];
        }
    };
    let mut alpha = vec![[0f32; NT]; n];
    for y in 0..NT {
        alpha[0][y] = if allowed(None, y) { (start[y] * inv).clamp(-60.0, 60.0).exp() * pot[0][y] } else { 0.0 };
    }
    norm(&mut alpha[0]);
    for t in 1..n {
        let mut a = [0f32; NT];
        for p in 0..NT {
            let ap = alpha[t - 1][p];
            if ap == 0.0 {
                continue;
            }
            for y in 0..NT {
                a[y] += ap * et[p][y];
            }
        }
        for y in 0..NT {
            a[y] *= pot[t][y];
        }
        norm(&mut a);
        alpha[t] = a;
    }
    let mut beta = [1f32; NT];
    let mut out = vec![[0f32; NT]; n];
    for t in (0..n).rev() {
        let mut m = [0f32; NT];
        for y in 0..NT {
            m[y] = alpha[t][y] * beta[y];
        }
        norm(&mut m);
        out[t] = m;
        if t > 0 {
            let mut b = [0f32; NT];
            for p in 0..NT {
                let mut s = 0.0;
                for y in 0..NT {
                    s += et[p][y] * pot[t][y] * beta[y];
                }
                b[p] = s;
            }
            norm(&mut b);
            beta = b;
        }
    }
    out
}
