//! `hamyar-registry`: see [`hamyar_registry::cli`].

fn main() -> std::process::ExitCode {
    hamyar_registry::cli::main()
}
