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
package org.openhab.binding.p1meter.internal.karaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A manifest header such as {@code Import-Package}, split into clauses as the OSGi core specification (3.2.4)
 * defines them: clauses separated by commas, each naming one or more packages separated by semicolons and then
 * attributes ({@code name=value}) and directives ({@code name:=value}). Commas and semicolons inside quoted
 * values (version ranges) do not separate anything, which is why a plain {@code split(",")} is not enough.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class OsgiHeader {

    /** One clause: the package names it applies to and its parameters (directives keep their ':='). */
    record Clause(List<String> names, Map<String, String> parameters) {

        @Nullable
        String directive(String name) {
            return parameters.get(name + ":");
        }

        @Nullable
        String attribute(String name) {
            return parameters.get(name);
        }
    }

    private OsgiHeader() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : splitOutsideQuotes(clause, ';')) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part.trim());
                } else {
                    String key = part.substring(0, equals).trim(); // "resolution:" for a directive
                    String value = part.substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    parameters.put(key, value);
                }
            }
            clauses.add(new Clause(names, parameters));
        }
        return clauses;
    }

    /** The clause that names the given package, or null when the header does not name it. */
    static @Nullable Clause find(List<Clause> clauses, String packageName) {
        return clauses.stream().filter(c -> c.names().contains(packageName)).findFirst().orElse(null);
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
