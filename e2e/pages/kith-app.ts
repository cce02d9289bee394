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

  /** Opens a page from the navigation; `timeout` for a page whose code is slow to load the first time. */
  async goTo(name: string, options: { timeout?: number } = {}): Promise<void> {
    await this.navLink(name).click()
    await expect(this.pageHeading(name)).toBeVisible(options)
  }

  pageHeading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 2, name })
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name })
  }
}

/** A dialog and its fields, found by label as a screen reader finds them. */
export class Dialog {
  readonly root: Locator

  constructor(
    readonly page: Page,
    name: string | RegExp,
  ) {
    this.root = page.getByRole('dialog', { name })
  }

  /** A field by its label; required fields' labels end in an asterisk. */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return this.root.getByLabel(new RegExp(`^${escaped}( \\*)?$`))
  }

  /** Types into a person picker and chooses the matching person. */
  async pickPerson(label: string, typed: string, option: string | RegExp): Promise<void> {
    const input = this.root.getByRole('textbox', { name: label }).or(this.root.getByRole('combobox', { name: label })).first()
    await input.click()
    await input.fill(typed)
    await this.page.getByRole('option', { name: option }).first().click()
  }

  /** Adds values to a tags field (Enter after each). */
  async addTags(label: string, ...values: string[]): Promise<void> {
    const input = this.field(label)
    for (const value of values) {
      await input.fill(value)
      await input.press('Enter')
    }
  }

  async submit(name: string): Promise<void> {
    await this.root.getByRole('button', { name, exact: true }).click()
  }
}

export class PeoplePage extends KithApp {
  get list(): Locator {
    return this.page.getByRole('list', { name: 'People' })
  }

  async open(name: string | RegExp, search = typeof name === 'string' ? name : ''): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(search)
    await this.list.getByRole('button', { name }).first().click()
    await expect(this.pageHeading(name)).toBeVisible()
  }
}
