package org.qtrust.cli.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest arguments name files relative to the sandbox folder (they are meant to be run from
 * it). To run them from elsewhere, each argument that names an existing file or folder of the
 * sandbox — alone or as {@code LABEL=path} — becomes an absolute path. The first two arguments
 * are the command and subcommand names ({@code lists load}, {@code cert verify}) and stay as they are.
 */
public final class SandboxArguments {

    private static final int COMMAND_WORDS = 2;

    private SandboxArguments() {
    }

    public static String[] resolve(List<String> args, Path sandbox) {
        List<String> resolved = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            resolved.add(i < COMMAND_WORDS ? args.get(i) : resolveOne(args.get(i), sandbox));
        }
        return resolved.toArray(new String[0]);
    }

    private static String resolveOne(String arg, Path sandbox) {
        if (arg.startsWith("-")) {
            return arg;
        }
        if (Files.exists(sandbox.resolve(arg))) {
            return sandbox.resolve(arg).toAbsolutePath().toString();
        }
        int equals = arg.indexOf('=');
        if (equals > 0 && Files.exists(sandbox.resolve(arg.substring(equals + 1)))) {
            return arg.substring(0, equals + 1) + sandbox.resolve(arg.substring(equals + 1)).toAbsolutePath();
        }
        return arg;
    }
}
