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
package org.openhab.binding.p1meter.internal.reader;

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;

/**
 * A snapshot of a {@link P1Reader}'s counters since it started.
 *
 * @param telegrams valid telegrams read
 * @param rejected dropped telegrams by reason (only reasons that occurred)
 * @param droppedEvents events dropped because a listener fell behind by more than its queue holds
 * @param bytes bytes read from the source
 * @param connects successful opens of the source
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record ReaderStats(long telegrams, Map<Rejection.Reason, Long> rejected, long droppedEvents, long bytes,
        long connects) {

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
