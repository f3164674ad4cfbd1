package dev.parley.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.accounts.control.Admins.Bootstrap;
import org.junit.jupiter.api.Test;

/** What startup does with an existing account that PARLEY_ADMIN_USERNAME names (a missing one is created). */
class AdminBootstrapTest {
    @Test
    void anAccountWithThePasswordIsMadeAnAdmin() {
        assertEquals(Bootstrap.GRANTED, Bootstrap.of(false, false, true));
        assertEquals(Bootstrap.ALREADY_ADMIN, Bootstrap.of(false, true, true));
    }

    @Test
    void anotherPasswordStopsTheServerEvenForAnAdmin() {
        assertEquals(Bootstrap.WRONG_PASSWORD, Bootstrap.of(false, false, false));
        assertEquals(Bootstrap.WRONG_PASSWORD, Bootstrap.of(false, true, false));
    }

    @Test
    void aGuestIsNeverMadeAnAdmin() {
        assertEquals(Bootstrap.GUEST, Bootstrap.of(true, false, false));
    }
}
