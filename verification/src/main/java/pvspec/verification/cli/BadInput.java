package pvspec.verification.cli;

/** Input the command cannot use (a missing file, a malformed trace): one clear message, exit code 2. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message, null, false, false);
    }
}
