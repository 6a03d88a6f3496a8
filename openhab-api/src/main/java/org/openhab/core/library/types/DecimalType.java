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

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * Mirror of openHAB's DecimalType: a plain number state backed by a BigDecimal.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class DecimalType extends Number implements State, Command, Comparable<DecimalType> {

    private static final long serialVersionUID = 1L;

    public static final DecimalType ZERO = new DecimalType(0);

    protected final BigDecimal value;

    public DecimalType() {
        this(BigDecimal.ZERO);
    }

    public DecimalType(BigDecimal value) {
        this.value = value;
    }

    public DecimalType(long value) {
        this(BigDecimal.valueOf(value));
    }

    public DecimalType(double value) {
        this(BigDecimal.valueOf(value));
    }

    public DecimalType(Number value) {
        this(value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString()));
    }

    public DecimalType(String value) {
        this(new BigDecimal(value));
    }

    public static DecimalType valueOf(String value) {
        return new DecimalType(value);
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(DecimalType o) {
        return value.compareTo(o.value);
    }

    /** Equal when the numbers are equal, whatever their scale (1.50 equals 1.5), as in openHAB. */
    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DecimalType other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }
}