package com.speedfog.racing.overlay.game;

/** What CSMenuManImp says is on screen: 0 in game, 1 loading, 256 main menu, anything else kept raw. */
public record ScreenState(long code) {

    public enum Kind { IN_GAME, LOADING, MAIN_MENU, OTHER }

    public Kind kind() {
        if (code == 0) {
            return Kind.IN_GAME;
        }
        if (code == 1) {
            return Kind.LOADING;
        }
        if (code == 256) {
            return Kind.MAIN_MENU;
        }
        return Kind.OTHER;
    }

    @Override
    public String toString() {
        return kind().name().toLowerCase().replace('_', ' ') + " (" + code + ")";
    }
}
