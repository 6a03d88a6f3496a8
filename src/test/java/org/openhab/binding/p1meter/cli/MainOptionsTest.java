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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookConfig;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookPoster;

import picocli.CommandLine;

/**
 * Options and their environment variables, parsed in-process; and the options the daemon refuses before it opens
 * anything.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class MainOptionsTest {

    private static DaemonOptions parse(Map<String, String> env, String... args) {
        Main main = new Main();
        CommandLine cl = Main.commandLine(main, env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        return main.options;
    }

    @Test
    void environmentVariablesInBothSpellingsSetOptions() {
        DaemonOptions o = parse(Map.of("SMARTMETER_WEB_SERVER", "3000", "SMARTMETER_tcp-server", "3010",
                "SMARTMETER_PORT", "/dev/ttyUSB0", "SMARTMETER_POST_JSON", "true", "SMARTMETER_mqtt-topic", "p1",
                "SMARTMETER_POST_INTERVAL", "60"));
        assertThat(o.webServer).isEqualTo(3000);
        assertThat(o.tcpServer).isEqualTo(3010);
        assertThat(o.port).isEqualTo("/dev/ttyUSB0");
        assertThat(o.postJson).isTrue();
        assertThat(o.mqttTopic).isEqualTo("p1");
        assertThat(o.postInterval).isEqualTo(60);
    }

    @Test
    void commandLineWinsOverEnvironmentAndDefaultsApply() {
        DaemonOptions o = parse(Map.of("SMARTMETER_TCP_SERVER", "3010"), "--tcp-server", "4010", "--simulate");
        assertThat(o.tcpServer).isEqualTo(4010);
        assertThat(o.simulate).isTrue();
        assertThat(o.postInterval).isEqualTo(300);
        assertThat(o.mqttTopic).isEqualTo("smartmeter");
        assertThat(o.mqttDiscoveryPrefix).isEqualTo("homeassistant");
        assertThat(o.bind).isEqualTo("0.0.0.0");
        assertThat(o.maxClients).isEqualTo(3);
        assertThat(o.rawTcpServer).isNull();
    }

    @Test
    void booleanEnvironmentValuesAsComposeFilesWriteThem() {
        assertThat(parse(Map.of("SMARTMETER_SIMULATE", "1")).simulate).isTrue();
        assertThat(parse(Map.of("SMARTMETER_simulate", "yes")).simulate).isTrue();
        assertThat(parse(Map.of("SMARTMETER_SIMULATE", "false")).simulate).isFalse();
        assertThat(parse(Map.of()).simulate).isFalse();
    }

    private static String[] run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] { String.valueOf(status), out.toString(), err.toString() };
    }

    @Test
    void optionsThatMakeNoSenseGiveOneLineAndStatusTwo() {
        String[][] cases = { {}, { "--simulate", "--socket", "localhost:8088" }, { "--simulate", "--enc-key", "0011" },
                { "--simulate", "--enc-key", "zz112233445566778899aabbccddeeff" },
                { "--simulate", "--enc-aad", "3000112233445566778899AABBCCDDEEFF" },
                { "--simulate", "--post-url", "not a url" }, { "--simulate", "--post-url", "ftp://example.org/" },
                { "--simulate", "--post-url", "http://example.org/", "--post-interval", "-5" },
                { "--simulate", "--tcp-server", "70000" }, { "--simulate", "--simulate-speed", "0" },
                { "--socket", "localhost" }, { "--simulate", "--tcp-server", "3010", "--web-server", "3010" },
                { "--simulate", "--bind", "203.0.113.7", "--tcp-server", "0" },
                { "--simulate", "--mqtt-url", "mqtt://127.0.0.1:1", "--mqtt-distinct", "--mqtt-distinct-fields",
                        "totalT1Use,nosuchfield" },
                { "--simulate", "--post-url", "http://127.0.0.1:9/", "--post-fields", "nosuch" },
                { "--simulate", "--post-url", "http://example.org/", "--post-header", "no colon" },
                { "--simulate", "--post-url", "http://example.org/", "--post-header", "Host: example.org" },
                { "--simulate", "--post-url", "http://example.org/", "--post-timeout", "0" },
                { "--simulate", "--tcp-server", "abc" }, { "--no-such-option" },
                { "--simulate", "--client-timeout", "0" }, { "--simulate", "--client-backlog-limit", "0" } };
        for (String[] args : cases) {
            String[] r = run(Map.of(), args);
            assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
            assertThat(r[2]).as(String.join(" ", args)).startsWith("p1meter: ").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(r[2].strip().lines().count()).as(String.join(" ", args)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theMessagesSayWhatToFix() {
        assertThat(run(Map.of())[2]).contains("--port").contains("--socket").contains("--simulate");
        assertThat(run(Map.of(), "--simulate", "--tcp-server", "3010", "--raw-tcp-server", "3020", "--web-server",
                "3010")[2])
                .isEqualTo("p1meter: --tcp-server and --web-server both ask for port 3010: give each its own port\n");
        assertThat(run(Map.of(), "--simulate", "--bind", "203.0.113.7", "--web-server", "3000")[2])
                .startsWith("p1meter: --bind 203.0.113.7: not an address of this machine").contains("127.0.0.1")
                .doesNotContain("in use");
        assertThat(run(Map.of(), "--simulate", "--mqtt-url", "mqtt://127.0.0.1:1", "--mqtt-distinct",
                "--mqtt-distinct-fields", "totalT1Use,nosuchfield")[2])
                .startsWith("p1meter: --mqtt-distinct-fields: unknown field 'nosuchfield'; the fields are: header, ")
                .contains(", currentTarrif, ").contains(", calculatedUsage");
        assertThat(run(Map.of(), "--simulate", "--post-url", "http://127.0.0.1:9/", "--post-fields",
                "gas_totalUse,gas_ts,totalt1use")[2])
                .startsWith("p1meter: --post-fields: unknown field 'totalt1use' (did you mean totalT1Use?)")
                .contains(", gas_totalUse, ");
        assertThat(run(Map.of(), "--simulate", "--post-url", "http://x.org/", "--post-interval", "-5")[2])
                .contains("--post-interval");
        assertThat(run(Map.of(), "--simulate", "--enc-key", "0011")[2]).contains("--enc-key");
        assertThat(run(Map.of(), "--simulate", "--client-timeout", "0")[2]).contains("--client-timeout");
        assertThat(run(Map.of("SMARTMETER_CLIENT_BACKLOG_LIMIT", "5000"), "--simulate")[2])
                .contains("--client-backlog-limit").contains("1-1024 MB");
    }

    @Test
    void clientLimitsFromOptionsOrEnvironment() {
        assertThat(Daemon.consumerLimits(parse(Map.of(), "--simulate")))
                .isEqualTo(org.openhab.binding.p1meter.internal.reader.ConsumerLimits.defaults());
        var limits = Daemon.consumerLimits(
                parse(Map.of("SMARTMETER_CLIENT_TIMEOUT", "90"), "--simulate", "--client-backlog-limit", "16"));
        assertThat(limits.noProgressTimeout()).hasSeconds(90);
        assertThat(limits.maxBacklogBytes()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void fieldListsThatAreRightOrAllAreTaken() {
        Daemon d = new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://127.0.0.1:1", "--mqtt-distinct",
                "--mqtt-distinct-fields", "totalT1Use, gas ,calculatedUsage", "--post-url", "http://127.0.0.1:9/",
                "--post-fields", "gas,powerTs,peakDemand_value"));
        assertThat(d.outputs()).hasSize(2);
        new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://127.0.0.1:1", "--mqtt-distinct",
                "--mqtt-distinct-fields", "all", "--post-url", "http://127.0.0.1:9/", "--post-fields", "all"));
        new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://127.0.0.1:1", "--mqtt-distinct",
                "--mqtt-distinct-fields", "*", "--post-url", "http://127.0.0.1:9/", "--post-fields", "*"));
        // not checked when not used: a compose file may keep a list for an output it switched off
        new Daemon(parse(Map.of("SMARTMETER_MQTT_DISTINCT_FIELDS", "old,names"), "--simulate", "--mqtt-url",
                "mqtt://127.0.0.1:1"));
    }

    /**
     * The {@code --post-*} options go through the function the openHAB webhook service uses too (its own test checks
     * the same from the service's side): every field for {@code all} or {@code *}, unknown fields and headers Java
     * cannot send refused, and the timeouts of {@code --post-timeout}.
     */
    @Test
    void theWebhookOptionsAreReadAsTheServiceReadsItsSettings() {
        WebhookConfig standard = webhook(parse(Map.of(), "--simulate", "--post-url", "http://127.0.0.1:9/"));
        assertThat(standard.fields()).containsExactly("powerTs", "totalT1Use", "totalT2Use", "totalT1Delivered",
                "totalT2Delivered", "gas_ts", "gas_totalUse");
        assertThat(standard.connectTimeout()).hasSeconds(10);
        assertThat(standard.requestTimeout()).hasSeconds(30);
        assertThat(standard.headers()).isEmpty();

        WebhookConfig every = webhook(parse(Map.of("SMARTMETER_POST_TIMEOUT", "5"), "--simulate", "--post-url",
                "http://127.0.0.1:9/", "--post-fields", "*", "--post-header", "Authorization: Bearer x",
                "--post-header", "X-Meter:home"));
        assertThat(every.fields()).isEmpty();
        assertThat(every.connectTimeout()).hasSeconds(5);
        assertThat(every.requestTimeout()).hasSeconds(5);
        assertThat(every.headers()).isEqualTo(Map.of("Authorization", "Bearer x", "X-Meter", "home"));

        assertThat(run(Map.of(), "--simulate", "--post-url", "http://127.0.0.1:9/", "--post-header",
                "Host: example.org")[2]).startsWith("p1meter: --post-header 'Host: example.org' cannot be sent: ");
        assertThat(run(Map.of(), "--simulate", "--post-url", "http://127.0.0.1:9/", "--post-header", "no colon")[2])
                .isEqualTo("p1meter: --post-header must be 'Name: value', got 'no colon'\n");
        assertThat(run(Map.of("SMARTMETER_POST_TIMEOUT", "0"), "--simulate", "--post-url", "http://127.0.0.1:9/")[2])
                .isEqualTo("p1meter: --post-timeout must be at least 1 second, got 0 "
                        + "(set by the environment variable SMARTMETER_POST_TIMEOUT)\n");
    }

    private static WebhookConfig webhook(DaemonOptions options) {
        List<P1Output> outputs = new Daemon(options).outputs();
        assertThat(outputs).hasSize(1).allMatch(o -> o instanceof WebhookPoster);
        return ((WebhookPoster) outputs.get(0)).config();
    }

    /** A value from the environment that is wrong: the message names the variable the user has to fix. */
    @Test
    void aWrongValueFromTheEnvironmentNamesTheVariable() {
        String[] r = run(Map.of("SMARTMETER_TCP_SERVER", "abc"), "--simulate");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).startsWith("p1meter: ").contains("--tcp-server").contains("'abc'")
                .contains("set by the environment variable SMARTMETER_TCP_SERVER");
        assertThat(run(Map.of("SMARTMETER_tcp-server", "abc"), "--simulate")[2]).contains("SMARTMETER_tcp-server");
        assertThat(run(Map.of("SMARTMETER_POST_INTERVAL", "-5", "SMARTMETER_POST_URL", "http://127.0.0.1:9/"),
                "--simulate")[2]).contains("--post-interval must be a positive number")
                .contains("set by the environment variable SMARTMETER_POST_INTERVAL");
        // the same mistakes on the command line are the command line's: no variable to name
        assertThat(run(Map.of(), "--simulate", "--tcp-server", "abc")[2]).doesNotContain("SMARTMETER_");
        assertThat(run(Map.of("SMARTMETER_POST_INTERVAL", "60"), "--simulate", "--post-url", "http://127.0.0.1:9/",
                "--post-interval=-5")[2]).contains("--post-interval").doesNotContain("SMARTMETER_");
        // a value the command line overrides is never looked at
        assertThat(run(Map.of("SMARTMETER_TCP_SERVER", "abc"), "--simulate", "--tcp-server", "3010", "--raw-tcp-server",
                "3010")[2]).contains("both ask for port 3010").doesNotContain("SMARTMETER_");
    }

    /** A host that does not resolve now may resolve later (DNS at boot): the daemon starts and retries. */
    @Test
    void anUnknownSocketHostIsNoOptionError() {
        Daemon d = new Daemon(parse(Map.of(), "--socket", "no-such-host.invalid:8088"));
        assertThat(d.outputs()).isEmpty();
    }

    @Test
    void helpAndVersionExitZero() {
        String[] help = run(Map.of(), "--help");
        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).contains("--raw-tcp-server").contains("SMARTMETER_").contains("parse");
        String[] parseHelp = run(Map.of(), "parse", "--help");
        assertThat(parseHelp[0]).isEqualTo("0");
        assertThat(parseHelp[1]).contains("--enc-key").contains("Exit status");
        String[] version = run(Map.of(), "--version");
        assertThat(version[0]).isEqualTo("0");
        assertThat(version[1]).startsWith("p1meter ");
    }
}
