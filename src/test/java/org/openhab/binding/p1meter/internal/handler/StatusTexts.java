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

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Renders a Thing status description the way openHAB shows it to a user: an {@code @text/key ["arg", ...]}
 * description is split as openHAB splits it, looked up in the add-on's i18n file and formatted with
 * {@link MessageFormat}; anything else is shown as it is.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class StatusTexts {

    private StatusTexts() {
    }

    static String english(@Nullable String description) {
        return render(description, "p1meter.properties");
    }

    static String dutch(@Nullable String description) {
        return render(description, "p1meter_nl.properties");
    }

    static Properties load(String file) {
        try (InputStream in = StatusTexts.class.getResourceAsStream("/OH-INF/i18n/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no " + file);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arguments as openHAB reads them from a description. */
    static String[] args(String description) {
        String[] parts = description.split("\\s+", 2);
        if (parts.length == 1) {
            return new String[0];
        }
        return Arrays.stream(parts[1].replaceAll("\\[|\\]|\"", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static String render(@Nullable String description, String file) {
        if (description == null || !description.startsWith("@text/")) {
            return String.valueOf(description);
        }
        String key = description.split("\\s+", 2)[0].substring("@text/".length());
        String text = load(file).getProperty(key);
        if (text == null) {
            throw new AssertionError("no " + key + " in " + file);
        }
        return MessageFormat.format(text, (Object[]) args(description));
    }
}
