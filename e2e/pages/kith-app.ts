import { expect, type Locator, type Page } from '@playwright/test'

/** The app shell as a screen-reader user meets it: landmarks, headings, named controls. */
export class KithApp {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' })
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('button', { name: new RegExp(`^${name}`) })
  }

  async goTo(name: string): Promise<void> {
    await this.navLink(name).click()
    await expect(this.pageHeading(name)).toBeVisible()
  }

  pageHeading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 2, name })
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name })
  }
}
