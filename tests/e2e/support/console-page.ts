import { expect, type Page } from '@playwright/test';

/** Demo accounts of hub-contract.md; their password is BEFFROI_DEMO_PASSWORD's default. */
export const DEMO_PASSWORD = 'beffroi';

/** The console's login form, found the way a user finds it: by its French labels. */
export function loginForm(page: Page) {
  return {
    username: page.getByLabel('Identifiant'),
    password: page.getByLabel('Mot de passe'),
    submit: page.getByRole('button', { name: 'Se connecter' }),
  };
}

/** Logs in through the form and waits for the console behind it. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
  await expect(page.getByRole('button', { name: 'Déconnexion' })).toBeVisible();
}
