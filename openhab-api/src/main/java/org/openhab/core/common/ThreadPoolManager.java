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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Mirror of openHAB's ThreadPoolManager: named shared pools of daemon threads.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ThreadPoolManager {

    private static final Map<String, ScheduledExecutorService> SCHEDULED = new ConcurrentHashMap<>();
    private static final Map<String, ExecutorService> POOLS = new ConcurrentHashMap<>();

    public static ScheduledExecutorService getScheduledPool(String poolName) {
        return SCHEDULED.computeIfAbsent(poolName, name -> {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(5, threadFactory(name));
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        });
    }

    public static ExecutorService getPool(String poolName) {
        return POOLS.computeIfAbsent(poolName, name -> Executors.newCachedThreadPool(threadFactory(name)));
    }

    private static ThreadFactory threadFactory(String poolName) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "OH-" + poolName + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}