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
package org.openhab.binding.p1meter.internal.output;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.ReadingFields;

/**
 * A list of the reading's fields as a user writes it, for the settings that pick fields (the webhook's fields, MQTT's
 * distinct fields), in the daemon and in openHAB alike: comma-separated names, or {@code all} or {@code *} (or
 * nothing) for every field. A name the reading does not have is refused with the names it has, so that a typo does
 * not quietly publish nothing for that field.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class FieldList {

    private FieldList() {
    }

    /**
     * The fields of a comma list; empty for every field.
     *
     * @param valid the names the list may hold ({@link ReadingFields#flattened()} or {@link ReadingFields#topLevel()})
     * @throws IllegalArgumentException naming the first unknown field, a near miss if there is one, and the valid
     *             names
     */
    public static List<String> parse(@Nullable String list, List<String> valid) {
        List<String> fields = new ArrayList<>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    fields.add(s.trim());
                }
            }
        }
        if (fields.size() == 1 && (fields.get(0).equalsIgnoreCase("all") || fields.get(0).equals("*"))) {
            return List.of();
        }
        String problem = ReadingFields.checkNames(fields, valid);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (or all)");
        }
        return List.copyOf(fields);
    }
}
