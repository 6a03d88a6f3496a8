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
package org.openhab.core.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's AbstractUID: a colon-separated identifier whose segments are letters, digits, '_' and '-'.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractUID {

    public static final String SEPARATOR = ":";
    private static final Pattern SEGMENT_PATTERN = Pattern.compile("[\\w-]*");

    private final List<String> segments;
    private final String uid;

    protected AbstractUID(String uid) {
        this(List.of(uid.split(SEPARATOR, -1)));
    }

    protected AbstractUID(String... segments) {
        this(Arrays.asList(segments));
    }

    protected AbstractUID(List<String> segments) {
        int min = getMinimalNumberOfSegments();
        if (segments.size() < min) {
            throw new IllegalArgumentException(
                    "UID must have at least " + min + " segments: " + String.join(SEPARATOR, segments));
        }
        for (String segment : segments) {
            if (!SEGMENT_PATTERN.matcher(segment).matches()) {
                throw new IllegalArgumentException("UID segment '" + segment
                        + "' contains invalid characters. Each segment of the UID must match the pattern "
                        + SEGMENT_PATTERN);
            }
        }
        this.segments = List.copyOf(segments);
        this.uid = String.join(SEPARATOR, segments);
    }

    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int segment) {
        return segments.get(segment);
    }

    public String getAsString() {
        return uid;
    }

    @Override
    public String toString() {
        return uid;
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj != null && obj.getClass() == getClass() && uid.equals(((AbstractUID) obj).uid);
    }
}