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
package org.openhab.core.library.types;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * Mirror of openHAB's StringType.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class StringType implements State, Command, Comparable<StringType> {

    public static final StringType EMPTY = new StringType("");

    private final String value;

    public StringType() {
        this("");
    }

    public StringType(@Nullable String value) {
        this.value = value == null ? "" : value;
    }

    public static StringType valueOf(@Nullable String value) {
        return new StringType(value);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public String toFullString() {
        return value;
    }

    @Override
    public int compareTo(StringType o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (obj instanceof StringType other) {
            return value.equals(other.value);
        }
        return obj instanceof String s && value.equals(s);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}