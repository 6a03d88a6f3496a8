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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How a {@link P1Reader} behaves when the source is quiet or lost, and when it gives up on a listener that does
 * not keep up.
 *
 * @param receiveTimeout no valid telegram for this long -> {@link ConnectionState#NO_DATA}, close and reopen;
 *            {@link Duration#ZERO} disables the watchdog
 * @param minBackoff the first delay before reopening a lost source; also the delay after a good telegram
 * @param maxBackoff the delay doubles after every failed attempt up to this
 * @param consumerLimits when a listener that makes no progress is no longer waited for, and how much may wait for
 *            one before its oldest events are skipped
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record ReaderOptions(Duration receiveTimeout, Duration minBackoff, Duration maxBackoff,
        ConsumerLimits consumerLimits) {

    public ReaderOptions {
        if (receiveTimeout.isNegative()) {
            throw new IllegalArgumentException("receive timeout must not be negative: " + receiveTimeout);
        }
        if (minBackoff.isNegative() || minBackoff.isZero()) {
            throw new IllegalArgumentException("minimum backoff must be positive: " + minBackoff);
        }
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maximum backoff " + maxBackoff + " is below minimum " + minBackoff);
        }
    }

    /**
     * 60 s receive timeout (six missed telegrams of a 10 s DSMR 2.2-4 meter), reconnect after 1 s doubling to 60 s,
     * {@link ConsumerLimits#defaults()}.
     */
    public static ReaderOptions defaults() {
        return new ReaderOptions(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60),
                ConsumerLimits.defaults());
    }

    public ReaderOptions withReceiveTimeout(Duration timeout) {
        return new ReaderOptions(timeout, minBackoff, maxBackoff, consumerLimits);
    }

    public ReaderOptions withBackoff(Duration min, Duration max) {
        return new ReaderOptions(receiveTimeout, min, max, consumerLimits);
    }

    public ReaderOptions withConsumerLimits(ConsumerLimits limits) {
        return new ReaderOptions(receiveTimeout, minBackoff, maxBackoff, limits);
    }
}
