package org.ketasim.core.engine;

import org.ketasim.core.model.Route;

/** Thrown when a regimen gives a dose by a route the model has no absorption parameters for. */
public class UnsupportedRouteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route     the route asked for
     * @param supported the routes the model supports, for the message
     */
    public UnsupportedRouteException(Route route, String supported) {
        super("the model has no '" + route.id() + "' route (it supports: " + supported + ")");
    }
}
