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
package org.openhab.binding.p1meter.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Thing status descriptions are translated by openHAB: every key the handlers use exists in English and Dutch
 * with the same placeholders, and arguments survive openHAB's way of splitting them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class StatusTextTest {

    private static final Pattern KEY_USE = Pattern
            .compile("(?:StatusText\\.of|new ConfigProblem)\\(\\s*\"([a-z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Set<String> keysUsedByTheHandlers() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyKeyExistsInEnglishAndDutchWithTheSamePlaceholders() throws IOException {
        Set<String> keys = keysUsedByTheHandlers();
        assertThat(keys).contains("status.connecting", "offline.conf-error.tcp-port",
                "offline.conf-error.no-serial-transport", "offline.comm-error.device-missing");
        Properties en = StatusTexts.load("p1meter.properties");
        Properties nl = StatusTexts.load("p1meter_nl.properties");
        for (String key : keys) {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(nl.getProperty(key)).as("Dutch " + key).isNotBlank().isNotEqualTo(en.getProperty(key));
            assertThat(placeholders(nl.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void argumentsWithCommasQuotesAndBracketsStayWhole() {
        String d = StatusText.of("offline.comm-error.retrying", "tcp [::1]:23", "Connection refused, \"really\"");
        assertThat(StatusTexts.args(d)).hasSize(2);
        assertThat(StatusTexts.english(d)).isEqualTo("tcp (::1):23: Connection refused; 'really' (retrying)");
        assertThat(StatusTexts.dutch(d)).isEqualTo("tcp (::1):23: Connection refused; 'really' (opnieuw proberen)");
        // an empty argument would vanish and shift the next one into its place
        assertThat(StatusTexts.args(StatusText.of("offline.comm-error.retrying", "", "x"))).hasSize(2);
    }

    @Test
    void quotesInTextsComeOutSingle() {
        assertThat(StatusTexts.english(StatusText.of("offline.conf-error.no-serial-transport")))
                .contains("openHAB's serial transport", "'feature:install openhab-transport-serial'");
        assertThat(StatusTexts.english(StatusText.of("offline.conf-error.tcp-port", 70000)))
                .contains("the dongle's raw telegram port").endsWith("not 70000.");
        assertThat(StatusTexts.dutch(StatusText.of("offline.conf-error.tcp-port", 70000))).endsWith("niet 70000.");
    }
}
