/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p1meter}: reads a smart meter's P1 port (serial, TCP or simulated) and serves what it reads over JSON and
 * raw TCP, a webhook, MQTT and a web dashboard; with smartmeter2mqtt's options. {@code p1meter parse FILE...}
 * decodes captures.
 *
 * <p>
 * Exit status: 0 after SIGTERM/SIGINT, 2 for options that make no sense (one line on stderr, no stack trace).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault({})
@Command(name = "p1meter", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Main.Version.class, subcommands = ParseCommand.class, headerHeading = "%n", header = "Read a smart meter's P1 port and publish every telegram.", synopsisHeading = "%n", customSynopsis = {
        "Usage: p1meter (--port DEVICE | --socket HOST:PORT | --simulate) [OPTIONS]",
        "       p1meter parse [--enc-key HEX] FILE...", "" }, descriptionHeading = "%n", description = {
                "Reads DSMR 2.2-5.0.2, Belgian e-MUCS and Luxembourg Smarty telegrams from a P1 cable, a TCP "
                        + "socket or a built-in simulated meter, and serves them as JSON and raw TCP streams, a "
                        + "webhook, MQTT (with Home Assistant discovery) and a web dashboard. A lost port or socket "
                        + "is reopened with backoff." }, optionListHeading = "%nOptions:%n", commandListHeading = "%nCommands:%n", footerHeading = "%n", footer = {
                                "Every option can also be set in the environment as SMARTMETER_<NAME>, e.g. "
                                        + "SMARTMETER_WEB_SERVER=3000 or SMARTMETER_web-server=3000 for "
                                        + "--web-server 3000, SMARTMETER_POST_JSON=true for --post-json. "
                                        + "The command line wins.",
                                "", "Examples:", "  p1meter --simulate --tcp-server 3010 --raw-tcp-server 3020",
                                "  p1meter --port /dev/ttyUSB0 --mqtt-url mqtt://localhost:1883 --mqtt-discovery",
                                "  p1meter --socket 192.168.1.20:8088 --post-url https://example.org/p1 --post-json",
                                "  p1meter parse capture.txt > readings.jsonl", "", "Exit status:",
                                "  0  stopped by SIGTERM or SIGINT",
                                "  2  bad options (a port in use, a bad key, ...)" })
public final class Main implements Callable<Integer> {

    @Mixin
    DaemonOptions options;

    @Mixin
    Smartmeter2mqttOnly smartmeter2mqttOnly = new Smartmeter2mqttOnly();

    @Spec
    CommandSpec spec;

    /** The environment the options were read from (for the warnings about smartmeter2mqtt-only variables). */
    private Map<String, String> environment = Map.of();

    private final CountDownLatch stop = new CountDownLatch(1);

    public static void main(String[] args) {
        int status = run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(status);
    }

    /** Runs the command line; returns the exit status. */
    static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(new Main(), environment, out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(Main main, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        main.environment = environment;
        CommandLine cl = new CommandLine(main);
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        cl.setDefaultValueProvider(defaults);
        cl.setOut(out);
        cl.setErr(err);
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String message = ex.getMessage();
            c.getErr().println("p1meter: " + message + origin(defaults, message, args));
            c.getErr().println("Try 'p1meter " + (c.getCommandName().equals("parse") ? "parse " : "")
                    + "--help' for more information.");
            c.getErr().flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageError) {
                String message = ex.getMessage();
                c.getErr().println("p1meter: " + message
                        + origin(defaults, message, parseResult.originalArgs().toArray(String[]::new)));
                c.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    /**
     * " (set by the environment variable SMARTMETER_TCP_SERVER)" when the first option the message names got its
     * value from the environment rather than the command line, else "". The value is not repeated: it may be a
     * password or a key.
     */
    static String origin(EnvironmentDefaults defaults, @Nullable String message, String[] args) {
        if (message == null) {
            return "";
        }
        Matcher m = OPTION.matcher(message);
        while (m.find()) {
            String option = m.group();
            String variable = defaults.variableOf(option);
            if (variable != null
                    && Arrays.stream(args).noneMatch(a -> a.equals(option) || a.startsWith(option + "="))) {
                return " (set by the environment variable " + variable + ")";
            }
        }
        return "";
    }

    @Override
    public Integer call() {
        Smartmeter2mqttOnly.check(spec.commandLine().getParseResult(), environment, spec.commandLine().getErr());
        configureLogging(options.debug);
        Daemon d = new Daemon(options);
        installSignalHandlers();
        Thread hook = new Thread(d::stop, "p1-shutdown");
        Runtime.getRuntime().addShutdownHook(hook); // any other way the JVM ends still closes ports cleanly
        d.start();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        d.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return 0;
    }

    /**
     * SIGTERM and SIGINT end the wait in {@link #call()}, so the daemon stops on the main thread and exits with 0
     * (a shutdown hook alone would leave the JVM's 143).
     */
    private void installSignalHandlers() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sig -> stop.countDown());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> stop.countDown());
        } catch (IllegalArgumentException | LinkageError e) {
            // signal not available on this platform: the shutdown hook still stops the daemon
        }
    }

    /** slf4j-simple reads its settings once, at the first logger: set them before any is created. */
    static void configureLogging(boolean debug) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.org.openhab.binding.p1meter", "debug");
        }
        // Jetty (the web dashboard) announces its version and every start at info: keep only its warnings
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", debug ? "true" : "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * The decoder for the key options.
     *
     * @throws UsageError for a key or AAD that is not hex of the right length
     */
    static DecoderConfig decoderConfig(@Nullable String key, @Nullable String aad) {
        if (key == null || key.isBlank()) {
            if (aad != null && !aad.isBlank()) {
                throw new UsageError("--enc-aad needs --enc-key");
            }
            return DecoderConfig.plaintext();
        }
        try {
            return DecoderConfig.of(key.trim(),
                    aad == null || aad.isBlank() ? DecoderConfig.SMARTY_DEFAULT_AAD : aad.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageError("--enc-key/--enc-aad: " + e.getMessage());
        }
    }

    /** The project version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] { "p1meter " + (v == null ? "(development build)" : v) };
        }
    }
}
