package dev.parley.signon.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/rooms", "/rooms/general?x=1&y=2", "/a.b-c_d"})
    void aPathOnThisServerIsKept(String path) {
        assertEquals(path, ReturnPaths.safe(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil", "evil", "",
            "/ok#code=stolen", "/a//b", "/x:y", "/ spaced", "/\u0000", "javascript:alert(1)", "/%0d%0aSet-Cookie:x", "/a<b>", "/a\"b", "/a|b", "/a{b}"})
    void anythingElseIsTheRoot(String returnTo) {
        assertEquals("/", ReturnPaths.safe(returnTo), returnTo);
    }

    @org.junit.jupiter.api.Test
    void nothingOrTooLongIsTheRoot() {
        assertEquals("/", ReturnPaths.safe(null));
        assertEquals("/", ReturnPaths.safe("/" + "a".repeat(ReturnPaths.MAX_LENGTH)));
    }
}
