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
package org.openhab.binding.p1meter.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The tests' one way to wait for what other threads do (a reader, a server, a client): Awaitility, bounded, polling
 * every 10 ms from the start, since what the tests wait for in this process usually takes milliseconds.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Await {

    public static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private Await() {
    }

    /** Awaitility's {@code await()}, at most {@code timeout}, for the conditions Awaitility takes. */
    public static ConditionFactory atMost(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL);
    }

    /** Waits until the condition holds; fails after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition) {
        until(timeout, condition, () -> "the condition");
    }

    /**
     * Waits until the condition holds; fails after {@code timeout} with what was awaited, described when the wait
     * failed (so the description can say what there was instead).
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        try {
            atMost(timeout).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get(), e);
        }
    }
}
