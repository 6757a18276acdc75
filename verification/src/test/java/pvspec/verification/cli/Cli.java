package pvspec.verification.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its output and exit code. */
final class Cli {
    final int exit;
    final String out;
    final String err;

    private Cli(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Pvspec.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Cli(code, o.toString(), e.toString());
    }

    static String resource(String name) {
        return Cli.class.getResource("/" + name).getPath();
    }

    static String scenario(String name) {
        return new java.io.File("../model/src/test/resources/scenarios/" + name + ".trace").getPath();
    }
}
