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
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.output.web.DashboardAssets.Asset;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard over HTTP: the page and its files, {@code GET api/reading} (smartmeter2mqtt's JSON endpoint),
 * {@code GET api/raw} (the last telegram exactly as received, as plain text) and {@code GET api/status} (the
 * source's state, what the page polls besides the reading when it has no web socket). Mounted at {@code /} by the
 * daemon and at {@code /p1meter} in openHAB; every URL the page uses is relative, so the same files work under
 * both.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json;charset=utf-8";
    /** Telegrams are ASCII; ISO-8859-1 names a charset in which every byte stands for itself. */
    private static final String RAW = "text/plain;charset=iso-8859-1";
    private static final String TEXT = "text/plain;charset=utf-8";
    /** Asset URLs carry the build's version, so a browser may keep a versioned asset for good. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    private final Logger logger = LoggerFactory.getLogger(DashboardServlet.class);
    private final transient P1Feed feed;
    private final transient Function<P1Telegram, String> readingJson;
    private final String webSocketUrl;
    private final transient DashboardAssets assets = DashboardAssets.get();

    /**
     * @param feed where the last telegram comes from
     * @param webSocketUrl the live web socket's URL relative to the page ({@code ./} in the daemon, where both are
     *            at {@code /}; {@code ../ws/p1meter} in openHAB, where the page is at {@code /p1meter/})
     */
    public DashboardServlet(P1Feed feed, String webSocketUrl) {
        this(feed, webSocketUrl, DashboardMessages::reading);
    }

    DashboardServlet(P1Feed feed, String webSocketUrl, Function<P1Telegram, String> readingJson) {
        this.feed = feed;
        this.webSocketUrl = webSocketUrl;
        this.readingJson = readingJson;
    }

    @Override
    protected void doGet(@Nullable HttpServletRequest req, @Nullable HttpServletResponse resp) throws IOException {
        if (req == null || resp == null) {
            return;
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String path = req.getPathInfo();
        if (path == null) {
            // mounted below a prefix (/p1meter) and asked without the slash: relative URLs need it
            String query = req.getQueryString();
            resp.sendRedirect(req.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        switch (path) {
            case "/":
            case "/index.html":
                resp.setHeader("Content-Security-Policy", PAGE_POLICY);
                send(req, resp, assets.page(webSocketUrl), REVALIDATE);
                return;
            case "/api/reading":
                sendReading(resp);
                return;
            case "/api/raw":
                sendRaw(resp);
                return;
            case "/api/status":
                resp.setHeader("Cache-Control", "no-store");
                sendText(resp, HttpServletResponse.SC_OK, JSON,
                        DashboardMessages.status(feed.status(), System.currentTimeMillis()));
                return;
            default:
                Asset asset = path.lastIndexOf('/') == 0 ? assets.asset(path.substring(1)) : null;
                if (asset == null) {
                    sendText(resp, HttpServletResponse.SC_NOT_FOUND, TEXT, "Not found\n");
                    return;
                }
                boolean versioned = assets.version().equals(req.getParameter("v"));
                send(req, resp, asset, versioned ? IMMUTABLE : REVALIDATE);
        }
    }

    private void sendReading(HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        P1Telegram telegram = feed.lastTelegram();
        if (telegram == null) {
            resp.setHeader("Retry-After", "5");
            // "err" is where smartmeter2mqtt's clients look for the reason (it answered {"err":...} with 400)
            sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, JSON,
                    "{\"err\":\"No telegram received yet\",\"error\":\"No telegram received yet\",\"status\":503}");
            return;
        }
        String json;
        try {
            json = readingJson.apply(telegram);
        } catch (RuntimeException e) {
            logger.warn("Cannot write the reading of {} as JSON: {}", telegram, e.getMessage(), e);
            sendText(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, JSON,
                    "{\"err\":\"The last telegram could not be written as JSON\","
                            + "\"error\":\"The last telegram could not be written as JSON\",\"status\":500}");
            return;
        }
        sendText(resp, HttpServletResponse.SC_OK, JSON, json);
    }

    /** The bytes the meter sent, from '/' to the CRC line's CRLF (for Smarty meters: after decryption). */
    private void sendRaw(HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        P1Telegram telegram = feed.lastTelegram();
        if (telegram == null) {
            resp.setHeader("Retry-After", "5");
            sendText(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, TEXT, "No telegram received yet\n");
            return;
        }
        byte[] raw = telegram.raw();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(RAW);
        resp.setContentLength(raw.length);
        resp.getOutputStream().write(raw);
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, Asset asset, String cacheControl)
            throws IOException {
        resp.setHeader("Cache-Control", cacheControl);
        resp.setHeader("ETag", asset.etag());
        if (matches(req.getHeader("If-None-Match"), asset.etag())) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(asset.contentType());
        resp.setContentLength(asset.body().length);
        resp.getOutputStream().write(asset.body());
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2); // weak comparison is what If-None-Match asks for
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void sendText(HttpServletResponse resp, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
