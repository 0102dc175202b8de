//! The `annotate` command (GUIDE section 4): a thin `main` over `src/cli/`.

#[path = "../cli/mod.rs"]
mod cli;

fn main() {
    let args = match cli::parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(cli::Usage(msg)) => {
            eprintln!("annotate: {msg}");
            eprintln!("Try `annotate --help`.");
            std::process::exit(2);
        }
    };
    std::process::exit(cli::run(&args));
}
