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
package org.openhab.binding.p1meter.internal.output.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The dashboard's files, read once from the jar. Only the names listed here can ever be served, so no request
 * path can reach anything else on the class path.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class DashboardAssets {

    /** A file ready to send: its bytes, content type and strong ETag. */
    public record Asset(byte[] body, String contentType, String etag) {
    }

    private static final String BASE = "/web/";
    private static final Map<String, String> FILES = Map.of( //
            "app.js", "text/javascript;charset=utf-8", //
            "app.css", "text/css;charset=utf-8", //
            "icon.svg", "image/svg+xml");

    private static final DashboardAssets INSTANCE = load();

    private final Map<String, Asset> assets;
    private final String template;
    private final String version;
    private final Map<String, Asset> pages = new ConcurrentHashMap<>();

    private DashboardAssets(Map<String, Asset> assets, String template, String version) {
        this.assets = assets;
        this.template = template;
        this.version = version;
    }

    /** The files of this build; they never change while the program runs. */
    public static DashboardAssets get() {
        return INSTANCE;
    }

    /** The asset of that name (e.g. {@code app.js}), or null when there is none. */
    public @Nullable Asset asset(String name) {
        return assets.get(name);
    }

    /** A short hash of all files: the page adds it to asset URLs so that browsers may cache them for good. */
    public String version() {
        return version;
    }

    /**
     * The page, telling its script where the web socket is, relative to the page: {@code ./} in the daemon,
     * {@code ../ws/p1meter} in openHAB.
     */
    public Asset page(String webSocketUrl) {
        return Objects.requireNonNull(pages.computeIfAbsent(webSocketUrl, url -> {
            String html = template.replace("{{VERSION}}", version).replace("{{WS_URL}}", escapeAttribute(url));
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            return new Asset(body, "text/html;charset=utf-8", etag(body));
        }));
    }

    private static DashboardAssets load() {
        try {
            Map<String, Asset> assets = new ConcurrentHashMap<>();
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                byte[] body = read(file.getKey());
                all.update(body);
                assets.put(file.getKey(), new Asset(body, file.getValue(), etag(body)));
            }
            byte[] template = read("index.html");
            all.update(template);
            String version = HexFormat.of().formatHex(all.digest(), 0, 6);
            return new DashboardAssets(Map.copyOf(assets), new String(template, StandardCharsets.UTF_8), version);
        } catch (IOException | NoSuchAlgorithmException e) {
            // the files are part of the jar: a missing one is a packaging error, not a run-time condition
            throw new IllegalStateException("The dashboard files are missing from the jar: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException(BASE + name + " not found");
            }
            return in.readAllBytes();
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 10) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
